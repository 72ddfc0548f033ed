import { z } from 'zod';
import type { Role } from './permissions';

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
        /** A view of the page (the incidents page's `timeline`), or null for its own. */
        view: z.enum(['timeline']).nullable().default(null),
        /** Whether the window follows the incident the commander has in focus (its map, its cameras). */
        focus: z.boolean().default(false),
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

/** Most layouts one officer keeps. */
export const MAX_LAYOUTS = 20;

/**
 * An officer's workspace, the same at every station of the site: their
 * layouts and the one that opens when they sign in (null: none), so a
 * commander who moves to another desk gets their monitors back.
 */
export const WorkspaceSchema = z.strictObject({
  layouts: z
    .array(ScreenLayoutSchema)
    .max(MAX_LAYOUTS)
    .refine((layouts) => new Set(layouts.map((layout) => layout.name)).size === layouts.length, 'one layout per name'),
  openOnSignIn: ScreenLayoutSchema.shape.name.nullable(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** A layout as an officer sees it: theirs, or one their role comes with (kept until they save one by that name). */
export const LayoutViewSchema = ScreenLayoutSchema.safeExtend({ builtin: z.boolean() });
export const WorkspaceViewSchema = z.strictObject({ layouts: z.array(LayoutViewSchema), openOnSignIn: ScreenLayoutSchema.shape.name.nullable() });
export type WorkspaceView = z.infer<typeof WorkspaceViewSchema>;

const screen = (entry: { screen: number; page: string; wall?: string; view?: 'timeline'; focus?: boolean }): ScreenLayout['screens'][number] => ({
  wall: null,
  view: null,
  focus: false,
  ...entry,
});

/** The command desk: the incident board, the map and the wall of the incident in focus, and its timeline, one monitor each. */
export const COMMAND_DESK: ScreenLayout = {
  name: '指挥席 Command desk',
  screens: [
    screen({ screen: 0, page: 'incidents' }),
    screen({ screen: 1, page: 'map', focus: true }),
    screen({ screen: 2, page: 'wall', focus: true }),
    screen({ screen: 3, page: 'incidents', view: 'timeline', focus: true }),
  ],
};

/** The duty desk: the alarm queue beside the wall and the map. */
export const DUTY_DESK: ScreenLayout = {
  name: '值班席 Duty desk',
  screens: [screen({ screen: 0, page: 'alarms' }), screen({ screen: 1, page: 'wall' }), screen({ screen: 2, page: 'map' })],
};

/**
 * The layouts each role comes with, and the one that opens at sign-in
 * until the officer chooses otherwise: commanders get the command desk on
 * every station they sign in at.
 */
export const ROLE_WORKSPACES: Partial<Record<Role, { layouts: ScreenLayout[]; openOnSignIn: string | null }>> = {
  emergency_commander: { layouts: [COMMAND_DESK], openOnSignIn: COMMAND_DESK.name },
  shift_supervisor: { layouts: [COMMAND_DESK, DUTY_DESK], openOnSignIn: null },
  duty_officer: { layouts: [DUTY_DESK], openOnSignIn: null },
};
