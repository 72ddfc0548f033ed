import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { core } from '../core/client';
import type { Wall } from '../core/contract';
import { wallActions } from './wall-store';

export const SAVED_WALLS_KEY = ['walls'];
const NO_WALLS: Wall[] = [];

/** The officer's saved walls, shared by the wall toolbar, tours and screen layouts. */
export function useSavedWalls(): Wall[] {
  return useSavedWallsQuery().data ?? NO_WALLS;
}

const useSavedWallsQuery = () => useQuery({ queryKey: SAVED_WALLS_KEY, queryFn: () => core.call('walls.list', {}) });

/** The saved wall named in the address (`#/wall?saved=NAME`), as a screen layout opens it. */
function savedInAddress(): string | null {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('saved');
}

/**
 * Shows the saved wall the address names, when the window opens and when a
 * screen layout points an open window at another one; `onMissing` hears of
 * a name the officer no longer has.
 */
export function useWallFromAddress(onMissing: (name: string) => void): void {
  const query = useSavedWallsQuery();
  const wanted = useRef(savedInAddress());
  const apply = useCallback(() => {
    if (!wanted.current || !query.isSuccess) return;
    const wall = query.data.find((candidate) => candidate.name === wanted.current);
    if (wall) wallActions.load(wall);
    else onMissing(wanted.current);
    wanted.current = null;
  }, [query.isSuccess, query.data, onMissing]);
  useEffect(apply, [apply]);
  useEffect(() => {
    const follow = () => {
      wanted.current = savedInAddress();
      apply();
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [apply]);
}
