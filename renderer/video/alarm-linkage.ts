import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { alarmTitle, sourceLabel } from '../alarms/alarm-format';
import { core } from '../core/client';
import type { Alarm } from '../core/contract';
import { useCoreEvent } from '../core/use-core-event';
import { URGENCY, alarmToLink } from './linkage-choice';
import { useWall, wallActions } from './wall-store';

const STORAGE_KEY = 'vigil.alarmLinkage';
/** In a storm an alarm holds what shows it this long before a later alarm of no higher severity takes it. */
const HOLD_MS = 5_000;

export function linkageEnabled(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== 'off';
}

export function setLinkageEnabled(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
}

/**
 * Each new alarm worth showing (linkageChoice) with its linked cameras,
 * while `active()`; while `holding()` (an alarm is shown), a later alarm of
 * no higher severity waits out HOLD_MS. The wall and the pop-up both use it.
 */
export function useLinkedAlarm(active: () => boolean, holding: () => boolean, show: (alarm: Alarm, cameras: string[]) => void): void {
  const seen = useRef(new Set<string>());
  const last = useRef<{ at: number; urgency: number }>({ at: 0, urgency: 0 });
  useCoreEvent('alarms.changed', ({ ids }) => {
    if (!active()) return;
    void (async () => {
      const alarm = alarmToLink(await core.call('alarms.get', { ids: ids.slice(0, 1000) }), Date.now(), seen.current);
      if (!alarm) return;
      const urgency = URGENCY[alarm.severity] ?? 0;
      // Only while an alarm is shown: once the officer went back, the next alarm shows at once.
      if (holding() && Date.now() - last.current.at < HOLD_MS && urgency <= last.current.urgency) return;
      seen.current.add(alarm.id);
      const { cameras } = await core.call('alarms.linkage', { id: alarm.id });
      if (!cameras.length) return;
      last.current = { at: Date.now(), urgency };
      show(alarm, cameras);
    })().catch(() => {});
  });
}

/**
 * Alarm linkage (报警联动上墙): a new critical or major alarm puts its linked
 * cameras on this wall at once, keeping the wall it replaced for the officer
 * to go back to. Off per station with the toolbar switch.
 */
export function useAlarmLinkage(): void {
  const { t } = useTranslation();
  useLinkedAlarm(
    linkageEnabled,
    () => useWall.getState().linkage !== null,
    (alarm, cameras) => wallActions.showAlarm(alarm.id, `${alarmTitle(t, alarm)} · ${sourceLabel(alarm)}`, cameras),
  );
}
