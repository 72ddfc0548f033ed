import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { Device } from '../core/contract';
import { deviceKeys } from '../devices/queries';
import { typingIn } from '../shell/typing';
import { CameraList } from './camera-list';
import { layoutById, profileFor, tileCount, tileStyle } from './layouts';
import { PTZ_KEYS, velocityOf, type PtzDirection } from './ptz-driver';
import { usePtzDriver } from './ptz-pad';
import { VideoTile } from './video-tile';
import { useWall, wallActions } from './wall-store';
import { WallToolbar } from './wall-toolbar';
import { useWallFromAddress } from './saved-walls';
import { useAlarmLinkage } from './alarm-linkage';
import { useWallPresence } from './wall-presence';
import { AlarmLinkageBar } from './alarm-linkage-bar';
import { IncidentFocusBar } from '../incidents/focus-bar';
import { useIncidentOnWall } from '../incidents/follow-wall';

/**
 * Arrows select a tile, Enter full-screens it, Esc returns, Delete empties it,
 * I shows stats. On a PTZ camera, W/A/S/D and +/- steer while held and P opens
 * its presets.
 */
function useWallKeys(cameras: Map<string, Device>) {
  const canSteer = usePermission('video.ptz');
  const driver = usePtzDriver();
  const steerable = useRef<() => string | null>(() => null);
  useEffect(() => {
    steerable.current = () => {
      const { tiles, selected } = useWall.getState();
      const camera = cameras.get(tiles[selected] ?? '');
      return canSteer && camera?.onvif ? camera.code : null;
    };
  });

  useEffect(() => {
    const held = new Set<PtzDirection>();
    const steer = () => {
      const camera = steerable.current();
      if (camera) driver.steer(camera, velocityOf(held));
      else driver.release();
    };
    const letGo = () => {
      held.clear();
      driver.release();
    };
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const { selected, fullscreen, presetsFor } = useWall.getState();
      const key = event.key.toLowerCase();
      const direction = PTZ_KEYS[key];
      if (direction && steerable.current()) {
        // A held key repeats; its move is already under way.
        if (!event.repeat) {
          held.add(direction);
          steer();
        }
      } else if (key === 'p' && steerable.current()) wallActions.togglePresets();
      else if (event.key.startsWith('Arrow')) {
        letGo();
        wallActions.move(event.key);
      } else if (event.key === 'Enter') wallActions.toggleFullscreen();
      else if (event.key === 'Escape' && presetsFor !== null) wallActions.showPresets(null);
      else if (event.key === 'Escape' && fullscreen !== null) wallActions.toggleFullscreen();
      else if (event.key === 'Delete') wallActions.clear(selected);
      else if (key === 'i') wallActions.toggleStats();
      else if (key === 'm') wallActions.toggleSound();
      else return;
      event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      const direction = PTZ_KEYS[event.key.toLowerCase()];
      if (direction && held.delete(direction)) steer();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    // A key let go in another window never comes back as keyup here.
    window.addEventListener('blur', letGo);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', letGo);
    };
  }, [driver]);
}

async function listCameras(): Promise<Device[]> {
  const [ipc, perimeter] = await Promise.all([
    core.call('devices.list', { kind: 'ipc', limit: 1000, offset: 0 }),
    core.call('devices.list', { kind: 'camera', limit: 1000, offset: 0 }),
  ]);
  return [...perimeter.items, ...ipc.items];
}

/** The video wall: cameras on the left, the grid of live tiles on the right. */
export function WallPage() {
  // Under the device lists' key, so cameras announced or changing state show up here too.
  const cameras = useQuery({ queryKey: [...deviceKeys.lists(), 'cameras'], queryFn: listCameras });
  const byCode = useMemo(() => new Map((cameras.data ?? []).map((camera) => [camera.code, camera])), [cameras.data]);
  const layout = layoutById(useWall((state) => state.layout));
  const tiles = useWall((state) => state.tiles);
  const selected = useWall((state) => state.selected);
  const fullscreen = useWall((state) => state.fullscreen);
  const showStats = useWall((state) => state.showStats);
  useWallKeys(byCode);
  const { t } = useTranslation();
  const { message } = App.useApp();
  useAlarmLinkage();
  const incident = useIncidentOnWall();
  useWallPresence();
  useWallFromAddress(useCallback((name: string) => void message.warning(t('screens.wallMissing', { name })), [message, t]));

  const count = tileCount(layout);
  const shown = fullscreen === null ? Array.from({ length: count }, (_, index) => index) : [fullscreen];
  const profile = profileFor(layout, fullscreen !== null);
  return (
    <div className="wall-page" data-testid="page-wall">
      <CameraList cameras={cameras.data ?? []} loading={cameras.isPending} />
      <div className="page">
        <WallToolbar />
        {incident && <IncidentFocusBar incident={incident} />}
        <AlarmLinkageBar />
        <div
          className="wall-grid"
          data-testid="wall-grid"
          data-layout={layout.id}
          style={fullscreen === null ? { gridTemplateColumns: `repeat(${layout.cols}, 1fr)`, gridTemplateRows: `repeat(${layout.rows}, 1fr)` } : undefined}
        >
          {shown.map((index) => (
            <VideoTile
              key={index}
              index={index}
              camera={byCode.get(tiles[index] ?? '') ?? null}
              profile={profile}
              selected={index === selected}
              showStats={showStats}
              style={fullscreen === null ? tileStyle(layout, index) : undefined}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
