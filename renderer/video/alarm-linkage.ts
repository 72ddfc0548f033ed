import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { alarmTitle, sourceLabel } from '../alarms/alarm-format';
import { core } from '../core/client';
import { useCoreEvent } from '../core/use-core-event';
import { URGENCY, alarmToLink } from './linkage-choice';
import { useWall, wallActions } from './wall-store';

const STORAGE_KEY = 'vigil.alarmLinkage';
/** In a storm the wall holds an alarm's cameras this long before a later alarm of no higher severity takes it. */
const HOLD_MS = 5_000;

export function linkageEnabled(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== 'off';
}

export function setLinkageEnabled(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
}

/**
 * Alarm linkage (报警联动上墙): a new critical or major alarm puts its linked
 * cameras on this wall at once, keeping the wall it replaced for the officer
 * to go back to. Off per station with the toolbar switch.
 */
export function useAlarmLinkage(): void {
  const { t } = useTranslation();
  const seen = useRef(new Set<string>());
  const last = useRef<{ at: number; urgency: number }>({ at: 0, urgency: 0 });
  useCoreEvent('alarms.changed', ({ ids }) => {
    if (!linkageEnabled()) return;
    void (async () => {
      const alarm = alarmToLink(await core.call('alarms.get', { ids: ids.slice(0, 1000) }), Date.now(), seen.current);
      if (!alarm) return;
      const urgency = URGENCY[alarm.severity] ?? 0;
      // Only while an alarm holds the wall: once the officer went back, the next alarm takes it at once.
      if (useWall.getState().linkage && Date.now() - last.current.at < HOLD_MS && urgency <= last.current.urgency) return;
      seen.current.add(alarm.id);
      const { cameras } = await core.call('alarms.linkage', { id: alarm.id });
      if (!cameras.length) return;
      last.current = { at: Date.now(), urgency };
      const label = `${alarmTitle(t, alarm)} · ${sourceLabel(alarm)}`;
      wallActions.showAlarm(alarm.id, label, cameras);
    })().catch(() => {});
  });
}
