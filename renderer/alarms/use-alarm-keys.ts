import { useEffect, useRef, type RefObject } from 'react';
import { typingIn } from '../shell/typing';
import { alarmWindow } from './alarm-store';
import { toggleGroup, useAlarmsUi } from './alarms-ui';
import { isGroup, rowKey, type AlarmRow } from './grouping';
import { allowedActions } from './alarm-rules';
import type { RowsHandle } from './virtual-rows';
import type { useAlarmCommands } from './use-alarm-commands';

type Commands = ReturnType<typeof useAlarmCommands>;

/** The row `step` rows away from the selected one, or the first row when none is selected. */
export function moveSelection(rows: readonly AlarmRow[], selected: string | null, step: 1 | -1): number {
  if (rows.length === 0) return -1;
  const at = selected === null ? -1 : rows.findIndex((row) => rowKey(row) === selected);
  if (at < 0) return 0;
  return Math.min(rows.length - 1, Math.max(0, at + step));
}

/**
 * J/K or ↓/↑ move through the list (the open detail follows), Enter opens
 * the detail or a group, Esc closes it, A acknowledges, H takes the alarm
 * into handling, V puts its linked cameras on the wall. Never while typing.
 */
export function useAlarmKeys(rows: AlarmRow[], commands: Commands, list: RefObject<RowsHandle | null>, canLive: boolean): void {
  const latest = useRef({ rows, commands, canLive });
  useEffect(() => {
    latest.current = { rows, commands, canLive };
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Keys in a dialog (the clip, a confirmation) are the dialog's: Esc there must not also close the detail.
      const inDialog = event.target instanceof Element && !!event.target.closest('[role=dialog]');
      if (typingIn(event.target) || inDialog || event.altKey || event.ctrlKey || event.metaKey) return;
      const { rows, commands, canLive } = latest.current;
      const { selected, open } = useAlarmsUi.getState();
      const alarm = selected === null ? undefined : alarmWindow.byId.get(selected);
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const index = moveSelection(rows, selected, key === 'j' || event.key === 'ArrowDown' ? 1 : -1);
        const row = rows[index];
        if (!row) return;
        const next = rowKey(row);
        useAlarmsUi.setState({ selected: next, open: open !== null && !isGroup(row) ? next : open });
        list.current?.scrollTo(index);
      } else if (event.key === 'Enter' && selected !== null) {
        if (alarm) useAlarmsUi.setState({ open: alarm.id });
        else toggleGroup(selected);
      } else if (event.key === 'Escape' && open !== null) useAlarmsUi.setState({ open: null });
      else if (key === 'a' && alarm && commands.canHandle && allowedActions(alarm).acknowledge) void commands.act(alarm, 'acknowledge');
      else if (key === 'h' && alarm && commands.canHandle && allowedActions(alarm).handle) void commands.act(alarm, 'handle');
      else if (key === 'v' && alarm && canLive) void commands.toWall(alarm);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [list]);
}
