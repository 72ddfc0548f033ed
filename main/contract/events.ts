import { z } from 'zod';
import type { Permission } from './permissions';
import { LinkStateSchema } from './schemas';
import { VideoStateSchema } from './video';
import { EvidenceProgressSchema } from './evidence';
import { OpenDataProgressSchema } from './open-data';
import { WarningViewSchema } from './warnings';

/** Every event the core pushes to windows. Events name what changed, not the data. */
export const events = {
  /** Devices whose state or registration changed; windows refetch what they show. */
  'devices.changed': z.object({ codes: z.array(z.string()), all: z.boolean() }),
  'link.state': LinkStateSchema,
  /** Commands sent, answered by their device, or expired. */
  'commands.changed': z.object({ ids: z.array(z.string()) }),
  /** Alarms raised or changed, here or at another station. */
  'alarms.changed': z.object({ ids: z.array(z.string()) }),
  /** Device events stored (access, intrusion, faults): the types among them; logs read their newest page again. */
  'events.changed': z.object({ types: z.array(z.string()) }),
  /** The site's alarm rules changed, here or at another station. */
  'rules.changed': z.object({}),
  /** Meters whose readings were stored (at most once a second): energy views read again. */
  'energy.changed': z.object({ meters: z.array(z.string()) }),
  /** The site's energy-saving schedules changed, here or at another station. */
  'energy.schedulesChanged': z.object({}),
  /** Repair orders opened or changed, here, at another station or from an app. */
  'orders.changed': z.object({ ids: z.array(z.string()) }),
  /** Some order assigned to someone changed: technicians read their own orders again (no ids: they are not all theirs). */
  'orders.mineChanged': z.object({}),
  /** Orders past a response or completion deadline: supervisors and property managers are told. */
  'orders.escalated': z.object({ ids: z.array(z.string()) }),
  /** The site's life-service catalogue changed, here or at another station. */
  'services.changed': z.object({}),
  /** Residents' profiles stored from their apps. */
  'residents.changed': z.object({ ids: z.array(z.string()) }),
  /** Announcements changed here or at another station, or their receipts were counted: the ids. */
  'notices.changed': z.object({ ids: z.array(z.string()) }),
  /** Alarms not acknowledged within their deadline: supervisors are told. */
  'alarms.escalated': z.object({ ids: z.array(z.string()) }),
  /** Incidents opened or changed here, at another station or by a handheld; no ids when plans or resources changed. */
  'incidents.changed': z.object({ ids: z.array(z.string()) }),
  /** This window's session was locked for inactivity or ended. */
  'session.ended': z.object({ reason: z.enum(['locked', 'signed-out', 'disabled']) }),
  'audit.appended': z.object({ id: z.number().int() }),
  'users.changed': z.object({}),
  'settings.changed': z.object({}),
  /** An operator action left the station (delivered) or was dropped because its command expired. */
  'outbox.settled': z.object({ id: z.string(), topic: z.string(), state: z.enum(['delivered', 'expired']) }),
  /** One of this window's video streams started, changed codec, lost its camera or failed. */
  'video.state': VideoStateSchema,
  /** How far this window's evidence export has come (clips are pulled from the recorder in real time). */
  'evidence.progress': EvidenceProgressSchema,
  /** Early warnings raised, changed, cleared or acknowledged, here or at another station, as they are now: a window puts them in its list without asking again. */
  'warnings.changed': z.object({ warnings: z.array(WarningViewSchema) }),
  /** The site's warning rules changed, here or at another station. */
  'warningRules.changed': z.object({}),
  /** How far this window's open-data export has come, in rows. */
  'openData.progress': OpenDataProgressSchema,
  /** Plan steps still active past their deadline, escalated here or at another station: the people running the incidents are told. */
  'incidents.escalated': z.object({ ids: z.array(z.string()), steps: z.array(z.object({ incident: z.string(), step: z.string() })) }),
} satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/**
 * Events that name what only some roles may read go to holders of the
 * permission of the call that reads it (events.changed: as events.list); the
 * rest go to every signed-in, unlocked window.
 */
export const EVENT_ACCESS: Partial<Record<EventName, Permission>> = {
  'devices.changed': 'devices.read',
  'events.changed': 'devices.read',
  'commands.changed': 'devices.read',
  'alarms.changed': 'alarms.read',
  'alarms.escalated': 'alarms.read',
  'rules.changed': 'alarms.read',
  'audit.appended': 'audit.read',
  'energy.changed': 'energy.read',
  'energy.schedulesChanged': 'energy.read',
  'orders.changed': 'orders.read',
  'orders.mineChanged': 'orders.work',
  'orders.escalated': 'orders.manage',
  'services.changed': 'services.read',
  'residents.changed': 'services.read',
  'notices.changed': 'notices.read',
  'evidence.progress': 'evidence.export',
  'incidents.changed': 'incidents.read',
  'warnings.changed': 'warnings.read',
  'warningRules.changed': 'warnings.read',
  'openData.progress': 'openData.export',
  'incidents.escalated': 'incidents.read',
};
