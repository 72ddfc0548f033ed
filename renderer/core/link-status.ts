import { create } from 'zustand';

/** The window's link to the core (not the site link): WebSocket or Electron port. */
export type CoreLinkStatus = 'connecting' | 'open' | 'lost';

type CoreLinkState = {
  status: CoreLinkStatus;
  /** When the link was lost, for the banner. */
  lostAt: number | null;
  /** Reconnect attempts since it was lost. */
  attempts: number;
};

export const useCoreLink = create<CoreLinkState>(() => ({ status: 'connecting', lostAt: null, attempts: 0 }));
