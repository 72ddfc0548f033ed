import {
  CaretDownOutlined,
  CaretLeftOutlined,
  CaretRightOutlined,
  CaretUpOutlined,
  PushpinOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useCallback, useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { PtzPreset } from '../core/contract';
import { describeError } from '../core/errors';
import { PtzDriver, velocityOf, type PtzDirection } from './ptz-driver';
import { useWall, wallActions } from './wall-store';

/** Reports PTZ failures in one toast that each new failure replaces, so a held control cannot stack them. Stable across renders. */
export function usePtzErrors(): (error: unknown) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const show = (error: unknown) => void message.error({ key: 'ptz', content: describeError(t, error) });
  const latest = useRef(show);
  useEffect(() => {
    latest.current = show;
  });
  return useCallback((error: unknown) => latest.current(error), []);
}

/** A driver for this component's lifetime; a camera it was moving is stopped on unmount. */
export function usePtzDriver(): PtzDriver {
  const report = usePtzErrors();
  const [driver] = useState(() => new PtzDriver(report));
  useEffect(() => () => driver.release(), [driver]);
  return driver;
}

/** The pin's menu: the camera's presets, read afresh each time it opens. */
function Presets({ camera, index }: { camera: string; index: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = usePtzErrors();
  const open = useWall((state) => state.presetsFor === index);
  const [presets, setPresets] = useState<PtzPreset[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    core.call('ptz.presets', { camera }).then(
      (list) => current && setPresets(list),
      (error: unknown) => {
        if (!current) return;
        report(error);
        wallActions.showPresets(null);
      },
    );
    return () => {
      current = false;
    };
  }, [open, camera, report]);

  const goto = (preset: PtzPreset) => {
    wallActions.showPresets(null);
    core.call('ptz.goto', { camera, preset: preset.token }).then(() => void message.success({ key: 'ptz', content: t('wall.ptz.wentTo', { name: preset.name || preset.token }) }), report);
  };

  // While the menu is open, 1–9 pick a preset from the keyboard.
  useEffect(() => {
    if (!open || !presets) return;
    const onKey = (event: KeyboardEvent) => {
      const preset = /^[1-9]$/.test(event.key) ? presets[Number(event.key) - 1] : undefined;
      if (preset) goto(preset);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const items: MenuProps['items'] = !presets
    ? [{ key: '', label: t('wall.ptz.loadingPresets'), disabled: true }]
    : presets.length === 0
      ? [{ key: '', label: t('wall.ptz.noPresets'), disabled: true }]
      : presets.map((preset, at) => ({ key: preset.token, label: `${at < 9 ? `${at + 1} · ` : ''}${preset.name || preset.token}` }));
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const preset = presets?.find((candidate) => candidate.token === key);
    if (preset) goto(preset);
  };
  return (
    <Dropdown open={open} onOpenChange={(next) => wallActions.showPresets(next ? index : null)} trigger={['click']} menu={{ items, onClick }}>
      <Button size="small" type="text" icon={<PushpinOutlined />} aria-label={t('wall.ptz.presets')} title={t('wall.ptz.presets')} data-testid="ptz-presets" />
    </Dropdown>
  );
}

/** Pan, tilt and zoom on a tile: press and hold to move, let go to stop; presets from the pin. */
export function PtzPad({ camera, index }: { camera: string; index: number }) {
  const { t } = useTranslation();
  const allowed = usePermission('video.ptz');
  const driver = usePtzDriver();
  if (!allowed) return null;

  const hold = (direction: PtzDirection, icon: ReactNode) => (
    <Button
      size="small"
      type="text"
      icon={icon}
      aria-label={t(`wall.ptz.${direction}`)}
      title={t(`wall.ptz.${direction}`)}
      data-testid={`ptz-${direction}`}
      onPointerDown={(event: PointerEvent<HTMLElement>) => {
        // Captured, so letting go outside the button still stops the camera.
        event.currentTarget.setPointerCapture(event.pointerId);
        driver.steer(camera, velocityOf([direction]));
      }}
      onPointerUp={() => driver.release()}
      onPointerCancel={() => driver.release()}
    />
  );
  return (
    <div
      className="ptz-pad"
      data-testid="ptz-pad"
      // Quick presses are not a double-click on the tile, and holding a button does not drag the tile.
      onDoubleClick={(event) => event.stopPropagation()}
      onDragStart={(event) => {
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {hold('in', <ZoomInOutlined />)}
      {hold('up', <CaretUpOutlined />)}
      {hold('out', <ZoomOutOutlined />)}
      {hold('left', <CaretLeftOutlined />)}
      <Presets camera={camera} index={index} />
      {hold('right', <CaretRightOutlined />)}
      <span />
      {hold('down', <CaretDownOutlined />)}
    </div>
  );
}
