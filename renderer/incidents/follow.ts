import type { IncidentDetail } from '../core/contract';
import { useFocus } from '../shell/focus';
import { useIncident } from './queries';

/**
 * The incident this window follows (a command desk's map, wall or timeline), live; null when it follows none.
 * The map's and the wall's following live beside it, each imported by its own page only: a page's store
 * reads the address when first loaded, so it must not be loaded with another page.
 */
export function useFollowedIncident(): IncidentDetail | null {
  const { incident, follows } = useFocus();
  const detail = useIncident(follows ? incident : null);
  return follows ? (detail.data ?? null) : null;
}
