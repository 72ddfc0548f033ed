import { create } from 'zustand';
import { MAX_STREAMS_PER_WINDOW, type Wall } from '../core/contract';
import { layoutById, moveSelection, tileCount } from './layouts';

type WallState = {
  layout: string;
  /** Camera code per tile, '' for an empty tile; as long as the largest layout. */
  tiles: string[];
  selected: number;
  fullscreen: number | null;
  showStats: boolean;
  /** The one camera heard: a control room cannot follow two sounds at once. */
  audible: string | null;
  /** The tile whose PTZ presets menu is open. */
  presetsFor: number | null;
  /** The saved wall shown, and the tour through saved walls when running. */
  current: string | null;
  touring: boolean;
  /** An alarm's cameras on the wall, and the wall they replaced until the officer goes back. */
  linkage: { alarm: string; label: string; before: { layout: string; tiles: string[] } } | null;
};

const STORAGE_KEY = 'vigil.wall';
const empty = () => Array.from({ length: MAX_STREAMS_PER_WINDOW }, () => '');

/** What this window shows survives a reload; each pop-out starts from what it was opened with. */
function restore(): Pick<WallState, 'layout' | 'tiles'> {
  const fromAddress = new URLSearchParams(location.hash.split('?')[1] ?? '');
  try {
    const stored = JSON.parse(fromAddress.get('wall') ?? sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Pick<WallState, 'layout' | 'tiles'> | null;
    if (stored && typeof stored.layout === 'string' && Array.isArray(stored.tiles)) {
      return { layout: layoutById(stored.layout).id, tiles: [...stored.tiles.map(String), ...empty()].slice(0, MAX_STREAMS_PER_WINDOW) };
    }
  } catch {
    // A damaged entry is a fresh wall.
  }
  return { layout: '4', tiles: empty() };
}

export const useWall = create<WallState>(() => ({ ...restore(), selected: 0, fullscreen: null, showStats: false, audible: null, presetsFor: null, current: null, touring: false, linkage: null }));
useWall.subscribe(({ layout, tiles }) => sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ layout, tiles })));

export const wallActions = {
  setLayout(layout: string) {
    useWall.setState((state) => ({ layout, fullscreen: null, selected: Math.min(state.selected, tileCount(layoutById(layout)) - 1) }));
  },
  /** Puts a camera on a tile; a camera already on the wall moves there rather than playing twice. */
  place(index: number, camera: string) {
    useWall.setState((state) => {
      const tiles = state.tiles.map((code) => (code === camera ? '' : code));
      tiles[index] = camera;
      return { tiles, selected: index };
    });
  },
  /** Puts a camera on the selected tile, or the first empty one when the selected tile is busy. */
  show(camera: string) {
    const { tiles, selected, layout } = useWall.getState();
    const count = tileCount(layoutById(layout));
    const free = tiles.slice(0, count).indexOf('');
    wallActions.place(tiles[selected] && free >= 0 ? free : selected, camera);
  },
  swap(from: number, to: number) {
    useWall.setState((state) => {
      const tiles = [...state.tiles];
      [tiles[from], tiles[to]] = [tiles[to]!, tiles[from]!];
      return { tiles, selected: to };
    });
  },
  clear(index: number) {
    useWall.setState((state) => ({ tiles: state.tiles.map((code, at) => (at === index ? '' : code)) }));
  },
  /** Another tile's menu closes; a click on this tile's own menu button must not. */
  select(index: number) {
    useWall.setState((state) => ({ selected: index, presetsFor: state.presetsFor === index ? index : null }));
  },
  move(key: string) {
    useWall.setState((state) => ({ selected: moveSelection(layoutById(state.layout), state.selected, key), presetsFor: null }));
  },
  showPresets(index: number | null) {
    useWall.setState({ presetsFor: index });
  },
  togglePresets() {
    useWall.setState((state) => ({ presetsFor: state.presetsFor === state.selected ? null : state.selected }));
  },
  toggleFullscreen(index?: number) {
    useWall.setState((state) => ({ fullscreen: state.fullscreen === null ? (index ?? state.selected) : null }));
  },
  /** Sound on for the camera on this tile (the selected one by default), off for every other; again turns it off. */
  toggleSound(index?: number) {
    useWall.setState((state) => {
      const camera = state.tiles[index ?? state.selected] || null;
      return { audible: camera && state.audible !== camera ? camera : null };
    });
  },
  toggleStats() {
    useWall.setState((state) => ({ showStats: !state.showStats }));
  },
  /** An alarm's linked cameras on the wall (one tile, or four), keeping the wall they replace; a second alarm keeps the first's. */
  showAlarm(alarm: string, label: string, cameras: string[]) {
    useWall.setState((state) => ({
      linkage: { alarm, label, before: state.linkage?.before ?? { layout: state.layout, tiles: state.tiles } },
      layout: cameras.length > 1 ? '4' : '1',
      tiles: [...cameras.slice(0, 4), ...empty()].slice(0, MAX_STREAMS_PER_WINDOW),
      selected: 0,
      fullscreen: null,
      touring: false,
    }));
  },
  /** Back to the wall the alarm replaced. */
  endLinkage() {
    const { linkage } = useWall.getState();
    if (linkage) useWall.setState({ ...linkage.before, linkage: null, fullscreen: null });
  },
  load(wall: Wall) {
    useWall.setState({ layout: layoutById(wall.layout).id, tiles: [...wall.tiles, ...empty()].slice(0, MAX_STREAMS_PER_WINDOW), current: wall.name, fullscreen: null });
  },
  snapshotOf(name: string): Wall {
    const { layout, tiles } = useWall.getState();
    const count = tileCount(layoutById(layout));
    return { name, layout, tiles: tiles.slice(0, count), tourSeconds: 0 };
  },
};
