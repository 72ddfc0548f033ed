import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { CallInput, CommandRecord } from '../core/contract';
import { useNow } from '../core/use-now';
import { isFinal, latestByCode, mergeCommand } from './command-progress';

/** Commands this window sent, as their devices last answered; kept small, the core keeps them all. */
type CommandsState = { byId: Record<string, CommandRecord> };
export const useCommandRecords = create<CommandsState>(() => ({ byId: {} }));

const KEEP = 200;
/** Above this many devices one listing of every recent command is cheaper than one call per device. */
const PER_DEVICE_UP_TO = 3;

function track(records: readonly CommandRecord[]): void {
  useCommandRecords.setState((state) => {
    const byId = { ...state.byId };
    for (const record of records) byId[record.id] = mergeCommand(byId[record.id], record);
    const ids = Object.keys(byId);
    // Forget the oldest finished ones first; a command still under way is never dropped.
    if (ids.length > KEEP) {
      const finished = ids.filter((id) => isFinal(byId[id]!.status)).sort((a, b) => byId[a]!.createdAt - byId[b]!.createdAt);
      for (const id of finished.slice(0, ids.length - KEEP)) delete byId[id];
    }
    return { byId };
  });
}

/** Fetches what the core now knows of these commands (the event names them, not their state). */
async function refresh(ids: readonly string[]): Promise<void> {
  const { byId } = useCommandRecords.getState();
  const mine = ids.filter((id) => id in byId);
  if (!mine.length) return;
  const codes = [...new Set(mine.map((id) => byId[id]!.code))];
  const lists =
    codes.length <= PER_DEVICE_UP_TO
      ? await Promise.all(codes.map((code) => core.call('devices.commands', { code, limit: 20 })))
      : [await core.call('devices.commands', { limit: 500 })];
  track(lists.flat().filter((record) => record.id in useCommandRecords.getState().byId));
}

/** Sends one command and follows it; rejects with the core's refusal (offline, no reason …). */
export async function sendDeviceCommand(input: CallInput<'devices.command'>): Promise<CommandRecord> {
  const record = await core.call('devices.command', input);
  track([record]);
  // Its device may have answered before this call returned: catch up once.
  void refresh([record.id]).catch(() => undefined);
  return record;
}

/** Keeps tracked commands current while the page that shows them is open. */
export function useCommandFeed(): void {
  useEffect(() => {
    const changed = coalesce<{ ids: string[] }>(200, (batch) => void refresh(batch.flatMap((change) => change.ids)).catch(() => undefined));
    const off = core.on('commands.changed', changed);
    // Answers that came while no page listened: catch up on what was still under way.
    const { byId } = useCommandRecords.getState();
    void refresh(Object.keys(byId).filter((id) => !isFinal(byId[id]!.status))).catch(() => undefined);
    return () => {
      off();
      changed.cancel();
    };
  }, []);
}

/** The latest command per device worth a badge beside it (under way, or just ended), kept current while the page is open. */
export function useLatestCommands(): Map<string, CommandRecord> {
  useCommandFeed();
  const records = useCommandRecords((state) => state.byId);
  const now = useNow(1000);
  return useMemo(() => latestByCode(Object.values(records), now), [records, now]);
}
