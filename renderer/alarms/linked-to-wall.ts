import { showPage } from '../shell/ui-store';
import { LAYOUTS, layoutById, tileCount } from '../video/layouts';
import { useWall, wallActions } from '../video/wall-store';

/**
 * Puts an alarm's cameras on the wall, nearest on the first tile, in the
 * current layout when they fit and in the smallest one that holds them when
 * not, and shows the wall.
 */
export function linkedCamerasToWall(cameras: readonly string[]): number {
  if (cameras.length === 0) return 0;
  const current = layoutById(useWall.getState().layout);
  if (tileCount(current) < cameras.length) {
    const fits = LAYOUTS.find((layout) => !layout.big && tileCount(layout) >= cameras.length) ?? LAYOUTS.at(-1)!;
    wallActions.setLayout(fits.id);
  }
  const shown = cameras.slice(0, tileCount(layoutById(useWall.getState().layout)));
  shown.forEach((camera, index) => wallActions.place(index, camera));
  wallActions.select(0);
  showPage('wall');
  return shown.length;
}
