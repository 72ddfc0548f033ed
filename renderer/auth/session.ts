import { core, transport } from '../core/client';
import { ContractError, type Session } from '../core/contract';
import { handleSessionErrors, queryClient, setQueriesEnabled } from '../core/query-client';
import { storedSession, useSession, type EndReason } from './session-store';
import { stationId } from './station';

function signedIn(session: Session): void {
  storedSession.write(session);
  useSession.setState({ phase: 'signed-in', session, locked: false, lockedUser: null, ended: null });
  setQueriesEnabled(true);
}

function ended(reason: EndReason): void {
  storedSession.clear();
  setQueriesEnabled(false);
  queryClient.clear();
  const needsSetup = !!useSession.getState().status?.needsSetup;
  useSession.setState({ phase: needsSetup ? 'setup' : 'signed-out', session: null, locked: false, lockedUser: null, ended: reason });
}

function locked(): void {
  setQueriesEnabled(false);
  const stored = storedSession.read();
  useSession.setState({ locked: true, lockedUser: stored && { username: stored.username, displayName: stored.displayName } });
}

/**
 * Runs every time the link to the core comes up: first start, reload, or a
 * reconnect after the core restarted. A kept token is resumed before any
 * query runs, so nothing is asked of the core without a session.
 */
async function onLinkOpen(): Promise<void> {
  setQueriesEnabled(false);
  try {
    const status = await core.call('auth.status', {});
    useSession.setState({ status });
    const stored = storedSession.read();
    if (!stored) {
      const { phase } = useSession.getState();
      if (phase === 'signed-in') return ended('expired');
      useSession.setState({ phase: status.needsSetup ? 'setup' : 'signed-out' });
      return;
    }
    const session = await core.call('auth.resume', { token: stored.token });
    signedIn(session);
    // Events were missed while the link was down: everything shown may be old.
    void queryClient.invalidateQueries();
  } catch (error) {
    if (error instanceof ContractError && error.code === 'session_locked') {
      if (useSession.getState().phase !== 'signed-in') useSession.setState({ phase: 'signed-in' });
      locked();
    } else if (error instanceof ContractError && error.code === 'unauthenticated') {
      ended('expired');
    } else {
      // The link dropped again mid-way; the next open retries.
      console.warn('vigil: starting the session failed', error);
    }
  }
}

transport.onOpen(() => void onLinkOpen());

// A call refused for want of a session means the core no longer knows it (it restarted, or
// the session was ended elsewhere) or has locked it: follow the core.
handleSessionErrors((code) => {
  const { phase, locked: isLocked } = useSession.getState();
  if (phase !== 'signed-in' || isLocked) return;
  if (code === 'session_locked') locked();
  else void onLinkOpen();
});

core.on('session.ended', ({ reason }) => {
  if (reason === 'locked') locked();
  else ended(reason);
});

// A change to users may be a change to this user's role: refresh what the session may do.
core.on('users.changed', () => {
  const stored = storedSession.read();
  if (!stored || useSession.getState().locked) return;
  core.call('auth.resume', { token: stored.token }).then(signedIn, () => {});
});

export async function signIn(username: string, password: string): Promise<void> {
  signedIn(await core.call('auth.signIn', { username, password, station: stationId() }));
}

export async function setUp(input: { username: string; displayName: string; password: string }): Promise<void> {
  const session = await core.call('auth.setup', { ...input, station: stationId() });
  useSession.setState({ status: { ...useSession.getState().status!, needsSetup: false } });
  signedIn(session);
}

export async function unlock(password: string): Promise<void> {
  const stored = storedSession.read();
  if (!stored) return ended('expired');
  try {
    signedIn(await core.call('auth.unlock', { token: stored.token, password }));
  } catch (error) {
    if (error instanceof ContractError && error.code === 'unauthenticated') return ended('expired');
    throw error;
  }
  void queryClient.invalidateQueries();
}

export async function signOut(): Promise<void> {
  // A locked session cannot call the core; it stays locked there until the core forgets it.
  if (!useSession.getState().locked) {
    // If the core cannot be told (link down), the window still forgets the session.
    await core.call('auth.signOut', {}).catch((error: unknown) => console.warn('vigil: sign-out not confirmed', error));
  }
  ended('signed-out');
}

/** After a password change the core no longer asks for one. */
export function passwordChanged(): void {
  const { session } = useSession.getState();
  if (session) useSession.setState({ session: { ...session, user: { ...session.user, mustChangePassword: false } } });
}
