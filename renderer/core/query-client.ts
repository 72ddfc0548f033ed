import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { ContractError } from './contract';

// Queries run only while the window holds a live, unlocked session; the session
// code switches this, not the browser's network events.
onlineManager.setEventListener(() => () => {});
onlineManager.setOnline(false);

export function setQueriesEnabled(enabled: boolean): void {
  onlineManager.setOnline(enabled);
}

let onSessionError: (code: 'unauthenticated' | 'session_locked') => void = () => {};

/** The session code learns here when any call finds the session gone or locked (e.g. the core restarted). */
export function handleSessionErrors(handler: typeof onSessionError): void {
  onSessionError = handler;
}

export function checkSession(error: unknown): void {
  if (error instanceof ContractError && (error.code === 'unauthenticated' || error.code === 'session_locked')) onSessionError(error.code);
}

/**
 * Data from the core never goes stale on a timer: every domain invalidates its
 * own queries when the core's events say something changed.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: checkSession }),
  mutationCache: new MutationCache({ onError: checkSession }),
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      // Only a dropped link is worth a retry; the core's refusals are final.
      retry: (count, error) => count < 2 && !(error instanceof ContractError && error.code !== 'internal'),
    },
    mutations: { networkMode: 'always', retry: false },
  },
});
