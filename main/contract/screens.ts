import { z } from 'zod';

/** How many monitors a screen layout can span: a commander's desk, not a video wall controller. */
export const MAX_SCREENS = 8;

/**
 * Where a window goes: an app address (`#/page` with an optional query),
 * never a URL. The shell and the browser both open only these.
 */
export const WindowRoute = z
  .string()
  .max(4096)
  .regex(/^#\/[a-z-]{1,32}(\?[A-Za-z0-9%._~=&+-]*)?$/, 'a route is #/page with an optional query');

/**
 * A commander's saved spread over several monitors: for each monitor
 * (0 = the primary), the page its window shows and, for the wall, which of
 * their saved walls.
 */
export const ScreenLayoutSchema = z.object({
  name: z.string().trim().min(1).max(40),
  screens: z
    .array(
      z.strictObject({
        screen: z.number().int().min(0).max(MAX_SCREENS - 1),
        page: z.string().regex(/^[a-z-]{1,32}$/),
        wall: z.string().trim().min(1).max(40).nullable().default(null),
      }),
    )
    .min(1)
    .max(MAX_SCREENS)
    .refine((screens) => new Set(screens.map((entry) => entry.screen)).size === screens.length, 'one window per monitor'),
});
export type ScreenLayout = z.infer<typeof ScreenLayoutSchema>;

/** A window the shell opens: on monitor `screen`, or beside the asking window when null (a pop-out). */
export const WindowRequestSchema = z.strictObject({ screen: z.number().int().min(0).max(MAX_SCREENS - 1).nullable(), route: WindowRoute });
export type WindowRequest = z.infer<typeof WindowRequestSchema>;
export const WindowRequestsSchema = z.array(WindowRequestSchema).min(1).max(MAX_SCREENS);
