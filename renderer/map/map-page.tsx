import { useEffect } from 'react';
import { DeviceDrawer } from '../devices/device-drawer';
import { IncidentFocusBar } from '../incidents/focus-bar';
import { useIncidentOnMap } from '../incidents/follow-map';
import { DevicePanel } from './device-panel';
import { MapCanvas } from './map-canvas';
import { useAlarmRefresh } from './map-data';
import { mapActions, useMapUi, writeViewToAddress } from './map-store';
import { MapToolbar } from './map-toolbar';
import { useAlarmFollow } from './use-alarm-follow';
import { useMapKeys } from './use-map-keys';
import './map.css';

/** The site map (电子地图): park plan, buildings and floors, with every device live on them. */
export function MapPage() {
  const view = useMapUi((state) => state.view);
  const selected = useMapUi((state) => state.selected);
  useMapKeys();
  useAlarmRefresh();
  useAlarmFollow();
  const incident = useIncidentOnMap();
  // `#/map?device=CODE` (an alarm's "on the map"): drill to the device and open its panel. Read before
  // the view is written to the address, which drops the query.
  useEffect(() => {
    const showAddressedDevice = () => {
      const code = new URLSearchParams(location.hash.split('?')[1] ?? '').get('device');
      if (code) void mapActions.showDevice(code);
    };
    showAddressedDevice();
    window.addEventListener('hashchange', showAddressedDevice);
    return () => window.removeEventListener('hashchange', showAddressedDevice);
  }, []);
  // Opening the page from the menu drops the address's view: put it back.
  useEffect(() => writeViewToAddress(view), [view]);

  return (
    <div className={`map-page${selected ? ' with-panel' : ''}`} data-testid="page-map">
      <div className="page">
        <MapToolbar />
        {incident && <IncidentFocusBar incident={incident} />}
        <MapCanvas />
      </div>
      {selected && <DevicePanel key={selected} code={selected} />}
      <DeviceDrawer />
    </div>
  );
}
