import { useSession } from '../auth/session-store';
import { core } from '../core/client';
import type { Alarm } from '../core/contract';
import { checkSession } from '../core/query-client';
import { newerFirst } from './alarm-entry';
import { alarmPipeline } from './alarm-pipeline';
import { announce, prepareSound } from './alarm-sound';
import { applyAlarms, clearAlarms, queueEscalations, refreshRate, useAlarms } from './alarm-store';
import { WINDOW_CAPACITY } from './alarm-window';
import { nextFrame } from './batching';

export const PAGE_SIZE = 5000;

let stop: (() => void) | null = null;
/** Bumped on every (re)load and stop, so that pages of an abandoned load are not applied. */
let generation = 0;

/** Newest first, a page of 5000 at a time, until the window is full or the core has no more. */
async function loadAll(): Promise<void> {
  const mine = ++generation;
  useAlarms.setState({ loading: true, loadError: null });
  let before: { raisedAt: number; id: string } | undefined;
  try {
    for (let loaded = 0; loaded < WINDOW_CAPACITY; ) {
      const page: Alarm[] = await core.call('alarms.list', { limit: PAGE_SIZE, ...(before ? { before } : {}) });
      if (mine !== generation) return;
      applyAlarms(page, { announce: false });
      loaded += page.length;
      const oldest = page.reduce<Alarm | undefined>((last, alarm) => (!last || newerFirst(alarm, last) > 0 ? alarm : last), undefined);
      if (page.length < PAGE_SIZE || !oldest) break;
      before = { raisedAt: oldest.raisedAt, id: oldest.id };
    }
    useAlarms.setState({ loading: false });
  } catch (error) {
    if (mine !== generation) return;
    checkSession(error);
    useAlarms.setState({ loading: false, loadError: error instanceof Error ? error.message : String(error) });
  }
}

function received(alarms: Alarm[]): void {
  const arrived = applyAlarms(alarms, { announce: true });
  if (arrived.length) announce(arrived.map((alarm) => alarm.severity));
}

const pipeline = () =>
  alarmPipeline({
    get: (ids) => core.call('alarms.get', { ids }),
    apply: received,
    onError: checkSession,
    frame: nextFrame(),
  });

let live: ReturnType<typeof pipeline> | null = null;

/** An alarm the window has just been answered with (an action, a step): shown at once, without waiting for the event. */
export function acceptAlarm(alarm: Alarm): void {
  if (live) live.received([alarm]);
  else applyAlarms([alarm], { announce: false });
}

/**
 * Keeps this window's alarms: loads them once signed in, follows
 * `alarms.changed` and `alarms.escalated`, loads again after the link to the
 * core came back (events were missed), and forgets them all at sign-out.
 * Idempotent; it lives as long as the session, whichever page is shown.
 */
export function startAlarmFeed(): void {
  if (stop) return;
  const feed = pipeline();
  live = feed;
  const offChanged = core.on('alarms.changed', ({ ids }) => feed.changed(ids));
  const offEscalated = core.on('alarms.escalated', ({ ids }) => {
    // Escalation changes no stored field, so no alarms.changed follows: fetch them for the mark, and so that the notice can say what and where.
    const fetched = core.call('alarms.get', { ids: ids.slice(0, 1000) }).then((alarms) => void applyAlarms(alarms, { announce: false }));
    void fetched.catch(checkSession).finally(() => queueEscalations(ids));
  });
  const rate = setInterval(() => refreshRate(), 1000);
  // Once the first paint after sign-in is done, not in its way.
  const warm = setTimeout(prepareSound, 1000);
  let session = useSession.getState().session;
  const offSession = useSession.subscribe((state) => {
    if (state.session === session) return;
    session = state.session;
    if (!session) stopAlarmFeed();
    // A new session object is a resume after the link came back: catch up on what was missed.
    else void loadAll();
  });
  stop = () => {
    offChanged();
    offEscalated();
    offSession();
    clearInterval(rate);
    clearTimeout(warm);
    feed.stop();
  };
  void loadAll();
}

export function stopAlarmFeed(): void {
  generation++;
  stop?.();
  stop = null;
  live = null;
  clearAlarms();
}
