import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { alarmTitle, sourceLabel } from '../alarms/alarm-format';
import { useCoreEvent } from '../core/use-core-event';
import { alarmToFollow, mapFollowEnabled, urgencyOf, type Hands } from './alarm-follow';
import { mapActions, useMapUi } from './map-store';

/**
 * While the map is open, a new critical or major alarm (the wall linkage's
 * choice) takes the map to its device's floor and selects it, or only offers
 * to when the officer is using the map. Off per station with the toolbar switch.
 */
export function useAlarmFollow(): void {
  const { t } = useTranslation();
  const seen = useRef(new Set<string>());
  const hands = useRef<Omit<Hands, 'placing'>>({ pressed: false, touchedAt: 0, followed: { at: 0, urgency: 0 } });

  useEffect(() => {
    // Anything the officer does in this window counts: the map, its panel, its toolbar, its keys.
    const touch = () => void (hands.current.touchedAt = Date.now());
    const press = () => {
      hands.current.pressed = true;
      touch();
    };
    const release = () => {
      hands.current.pressed = false;
      touch();
    };
    const events = [['pointerdown', press], ['pointerup', release], ['pointercancel', release], ['wheel', touch], ['keydown', touch]] as const;
    for (const [name, listener] of events) window.addEventListener(name, listener, { capture: true, passive: true });
    // A press let go outside the window never comes back as a pointerup. Not in capture: every field's blur would pass there.
    window.addEventListener('blur', release);
    return () => {
      for (const [name, listener] of events) window.removeEventListener(name, listener, { capture: true });
      window.removeEventListener('blur', release);
      // Leaving the map ends the linkage: a bar met on coming back would be stale.
      mapActions.endFollow();
    };
  }, []);

  useCoreEvent('alarms.changed', ({ ids }) => {
    if (!mapFollowEnabled()) return;
    void (async () => {
      const alarms = await core.call('alarms.get', { ids: ids.slice(0, 1000) });
      const now = Date.now();
      const choice = alarmToFollow(alarms, now, seen.current, { ...hands.current, placing: useMapUi.getState().placing });
      if (!choice) return;
      const { alarm, move } = choice;
      seen.current.add(alarm.id);
      if (move) hands.current.followed = { at: now, urgency: urgencyOf(alarm) };
      await mapActions.follow(alarm, `${alarmTitle(t, alarm)} · ${sourceLabel(alarm)}`, move);
    })().catch(() => {});
  });
}
