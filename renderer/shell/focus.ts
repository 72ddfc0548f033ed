import { create } from 'zustand';

const STORAGE_KEY = 'vigil.focus.incident';
const query = () => new URLSearchParams(location.hash.split('?')[1] ?? '');
const fromAddress = () => ({ follows: query().get('focus') === 'incident', view: query().get('view') });

type Focus = {
  /** The incident the commander has in focus, the same in every window of this browser or desktop app. */
  incident: string | null;
  /** Whether this window follows it: opened by a layout's monitor marked so (`?focus=incident`). */
  follows: boolean;
  /** The view of its page the address asked for (`?view=timeline`: the incident's timeline alone, for a wall screen). */
  view: string | null;
};

/**
 * The incident in focus, shared by the windows of one desk: the command
 * desk's board sets it, and the map, wall and timeline windows follow. It
 * lives in localStorage, whose changes every other window of the same
 * origin hears, so it needs neither the core nor the network.
 */
export const useFocus = create<Focus>(() => ({ incident: localStorage.getItem(STORAGE_KEY), ...fromAddress() }));

export function focusIncident(id: string | null): void {
  if (useFocus.getState().incident === id) return;
  if (id) localStorage.setItem(STORAGE_KEY, id);
  else localStorage.removeItem(STORAGE_KEY);
  useFocus.setState({ incident: id });
}

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) useFocus.setState({ incident: event.newValue });
});
// A layout may send this window elsewhere by its address alone (a named window reused): it says again whether to follow.
window.addEventListener('hashchange', () => useFocus.setState(fromAddress()));
