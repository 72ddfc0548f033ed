import { create } from 'zustand';
import type { CallOutput, Permission, Session } from '../core/contract';

export type SiteStatus = CallOutput<'auth.status'>;
export type EndReason = 'signed-out' | 'disabled' | 'expired';
export type Phase = 'starting' | 'setup' | 'signed-out' | 'signed-in';

type SessionState = {
  phase: Phase;
  status: SiteStatus | null;
  session: Session | null;
  /** The core locked the session for inactivity; the password unlocks it. */
  locked: boolean;
  /** Who the locked session belongs to, when the window was reloaded while locked. */
  lockedUser: { username: string; displayName: string } | null;
  /** Why the last session ended, shown on the sign-in page. */
  ended: EndReason | null;
};

export const useSession = create<SessionState>(() => ({
  phase: 'starting',
  status: null,
  session: null,
  locked: false,
  lockedUser: null,
  ended: null,
}));

export function usePermission(permission: Permission): boolean {
  return useSession((state) => !!state.session?.permissions.includes(permission));
}

type Stored = { token: string; username: string; displayName: string };
const STORAGE_KEY = 'vigil.session';

/** The session token lives in sessionStorage: it survives a reload, not a closed tab. */
export const storedSession = {
  read(): Stored | null {
    try {
      const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
      return value && typeof value.token === 'string' ? value : null;
    } catch {
      return null;
    }
  },
  write(session: Session): void {
    const { token, user } = session;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token, username: user.username, displayName: user.displayName }));
  },
  clear(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};
