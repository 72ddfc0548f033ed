import { useEffect, useRef } from 'react';
import type { Device } from '../core/contract';
import { notForTheList, selectionStep, stepSelection } from '../device-control/list-keys';
import { intrusionActions, useIntrusionUi } from './intrusion-ui';
import { zoneActions, zoneView, type ZoneAction } from './zone-state';

/** The zone action a key asks for on a zone in this state, if the zone can take it. */
export function actionForKey(key: string, zone: Pick<Device, 'status' | 'zone'>): ZoneAction | null {
  const allowed = zoneActions(zoneView(zone));
  const wanted: ZoneAction | null = key === 'a' ? 'arm' : key === 'd' ? 'disarm' : key === 'b' ? (allowed.includes('unbypass') ? 'unbypass' : 'bypass') : null;
  return wanted && allowed.includes(wanted) ? wanted : null;
}

/**
 * ↑/↓ or J/K move through the zones shown; A, D and B ask to arm, disarm or
 * bypass (or unbypass) the selected zone, Shift+A and Shift+D its whole
 * partition — each still behind its confirmation. Never while typing.
 */
export function useZoneKeys(zones: Device[], partitionOf: (code: string) => string | undefined, canCommand: boolean): void {
  const latest = useRef({ zones, partitionOf, canCommand });
  useEffect(() => {
    latest.current = { zones, partitionOf, canCommand };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (notForTheList(event)) return;
      const { selected, dialogOpen } = useIntrusionUi.getState();
      if (dialogOpen) return;
      const { zones, partitionOf, canCommand } = latest.current;
      const key = event.key.toLowerCase();
      const zone = selected ? zones.find((item) => item.code === selected) : undefined;
      const step = selectionStep(event);
      if (step) {
        const codes = zones.map((item) => item.code);
        useIntrusionUi.setState({ selected: stepSelection(codes, selected, step) });
      } else if (event.key === 'Escape' && selected) useIntrusionUi.setState({ selected: null });
      else if (!zone || !canCommand) return;
      else if (event.shiftKey && (key === 'a' || key === 'd')) {
        const partition = partitionOf(zone.code);
        if (!partition) return;
        intrusionActions.ask({ kind: 'partition', key: partition, action: key === 'a' ? 'arm' : 'disarm' });
      } else {
        const action = actionForKey(key, zone);
        if (!action) return;
        intrusionActions.ask({ kind: 'zone', code: zone.code, action });
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
