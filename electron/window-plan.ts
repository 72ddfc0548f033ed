import { WindowRequestsSchema, type WindowRequest } from '../main/contract/screens';

/**
 * Where each requested window goes, as pure functions kept free of Electron
 * so they can be unit-tested in plain Node.
 */

export type PlannedWindow = {
  /** The display to open on; a request for a monitor that is not attached goes to the primary. */
  displayId: number;
  route: string;
  /** A pop-out: a new window beside the asker instead of the one window per display. */
  popOut: boolean;
};

/** Validates what a window asked for: it is web content, and its requests are not trusted. */
export function parseWindowRequests(raw: unknown): WindowRequest[] {
  const parsed = WindowRequestsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`refused window request: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/**
 * Monitors are numbered as the operating system orders them, the primary
 * first, so that "screen 1" of a saved layout is the same monitor at every
 * desk with the same wiring.
 */
export function planWindows(requests: WindowRequest[], displays: { id: number }[], primaryId: number, askerDisplayId: number): PlannedWindow[] {
  const ordered = [...displays.filter((display) => display.id === primaryId), ...displays.filter((display) => display.id !== primaryId)];
  return requests.map((request) =>
    request.screen === null
      ? { displayId: askerDisplayId, route: request.route, popOut: true }
      : { displayId: (ordered[request.screen] ?? ordered[0] ?? { id: primaryId }).id, route: request.route, popOut: false },
  );
}
