import { create } from 'zustand';
import { showPage, useUi } from '../shell/ui-store';

export type IncidentsView = 'board' | 'figures' | 'setup';
/** What a new incident starts from: nothing (by hand) or an alarm, with what the alarm says. */
export type IncidentSeed = { at: number; alarm?: string; title?: string; place?: { area?: string; building?: string; floor?: string } };

type IncidentsUi = { view: IncidentsView; open: string | null; creating: IncidentSeed | null; showEnded: boolean };

/** The page's choices, kept while the commander visits other pages. */
export const useIncidentsUi = create<IncidentsUi>(() => ({ view: 'board', open: null, creating: null, showEnded: false }));

/** Whether this window shows the incident now: what changes in front of the user is not news to announce. */
export const watchingIncident = (id: string): boolean => useUi.getState().page === 'incidents' && useIncidentsUi.getState().open === id;

export function openIncident(id: string): void {
  useIncidentsUi.setState({ open: id });
}

/** From another page (an alarm's detail): the incidents page with the new-incident dialog filled in. */
export function newIncidentFrom(seed: Omit<IncidentSeed, 'at'>): void {
  useIncidentsUi.setState({ creating: { ...seed, at: Date.now() } });
  showPage('incidents');
}
