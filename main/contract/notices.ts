import { z } from 'zod';
import { ImageHash } from './images';
import { Timestamp } from './schemas';

/**
 * Community announcements (社区公告): written in Chinese (and English where
 * the site has English-speaking residents), approved by the property
 * manager, published to residents' apps and signage screens over the site
 * interface, revoked when wrong, and counted as residents' terminals
 * receive and read them.
 */

/** A rich-text body, as sanitized HTML, is bounded so a terminal on a slow link renders it at once. */
export const NOTICE_BODY_MAX = 32_000;
export const NOTICE_TITLE_MAX = 120;
/** An image in a body is `<img src="vigil-image:<sha256>">`: terminals fetch it from images/{hash}, the body never carries bytes. */
export const NOTICE_IMAGE_SCHEME = 'vigil-image:';

export const NoticeId = z.string().regex(/^[a-z0-9-]{4,64}$/, 'id: 4–64 lower-case letters, digits or -');
export const LocalizedTitle = z.strictObject({ zh: z.string().trim().min(1).max(NOTICE_TITLE_MAX), en: z.string().trim().max(NOTICE_TITLE_MAX).optional() });
export const LocalizedBody = z.strictObject({ zh: z.string().min(1).max(NOTICE_BODY_MAX), en: z.string().max(NOTICE_BODY_MAX).optional() });

const Place = z.string().trim().min(1).max(64);
/** Who receives it: the whole site (every terminal), some buildings, some units of buildings, or signage screens (all when none named). */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('site') }),
  z.strictObject({ kind: z.literal('buildings'), buildings: z.array(Place).min(1).max(200) }),
  z.strictObject({ kind: z.literal('units'), units: z.array(z.strictObject({ building: Place, unit: Place })).min(1).max(500) }),
  z.strictObject({ kind: z.literal('signage'), screens: z.array(Place).max(200) }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/** What a drafter writes. */
export const NoticeDraftSchema = z.strictObject({
  id: NoticeId,
  title: LocalizedTitle,
  body: LocalizedBody,
  audience: AudienceSchema,
  /** When it goes out; null: as soon as it is approved. */
  publishAt: Timestamp.nullable(),
  /** When terminals drop it; null: until revoked. */
  expiresAt: Timestamp.nullable(),
});
export type NoticeDraft = z.infer<typeof NoticeDraftSchema>;

/** The states a notice is stored in; `scheduled`, `published` and `expired` are an approved notice seen against the clock. */
export const NOTICE_STORED_STATES = ['draft', 'submitted', 'rejected', 'approved', 'revoked'] as const;
export const NOTICE_STATES = ['draft', 'submitted', 'rejected', 'scheduled', 'published', 'expired', 'revoked'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const NOTICE_ACTIONS = ['saved', 'submitted', 'rejected', 'approved', 'revoked'] as const;
export const NoticeStepSchema = z.strictObject({ action: z.enum(NOTICE_ACTIONS), by: z.string().max(64), at: Timestamp, reason: z.string().max(500).optional() });
export type NoticeStep = z.infer<typeof NoticeStepSchema>;

/** A notice as every station shares it: the draft, its stored state, the images it shows and who did what when. */
export const NoticeRecordSchema = z.strictObject({
  ...NoticeDraftSchema.shape,
  state: z.enum(NOTICE_STORED_STATES),
  images: z.array(ImageHash).max(20),
  history: z.array(NoticeStepSchema).max(200),
});
export type NoticeRecord = z.infer<typeof NoticeRecordSchema>;

export const NoticeSchema = NoticeRecordSchema.extend({ state: z.enum(NOTICE_STATES), updatedBy: z.string(), updatedAt: Timestamp });
export type Notice = z.infer<typeof NoticeSchema>;

export const NoticeFilter = z.strictObject({
  /** Words in titles and bodies, either language. */
  text: z.string().max(100).optional(),
  state: z.enum(NOTICE_STATES).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

/** Receipts of one part of the audience: a building's residents' apps, or the signage screens. */
export const ReceiptGroupSchema = z.object({ group: z.string(), terminals: z.number().int(), received: z.number().int(), read: z.number().int() });
export const NoticeReceiptsSchema = z.object({ notice: z.string(), groups: z.array(ReceiptGroupSchema), terminals: z.number().int(), received: z.number().int(), read: z.number().int() });
export type NoticeReceipts = z.infer<typeof NoticeReceiptsSchema>;

export const TERMINAL_KINDS = ['resident-app', 'signage'] as const;
export type TerminalKind = (typeof TERMINAL_KINDS)[number];
