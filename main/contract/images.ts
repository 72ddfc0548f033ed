import { z } from 'zod';

/**
 * Pictures that travel with records: repair photos from residents and
 * technicians, images in announcements. Content-addressed: an image is named
 * by the SHA-256 of its bytes, so the same photo sent twice is stored once
 * and a name can never point at other bytes.
 */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
/** Clients reduce phone photos to this before sending (1 600 px JPEG is ~300 KB). */
export const IMAGE_MAX_BYTES = 1024 * 1024;
/** Larger images are refused even when small on disk: decoding one would take hundreds of MB. */
export const IMAGE_MAX_SIDE = 8192;
/** Base64 of IMAGE_MAX_BYTES, the form images take in JSON. */
export const IMAGE_MAX_BASE64 = Math.ceil(IMAGE_MAX_BYTES / 3) * 4;

export const ImageHash = z.string().regex(/^[0-9a-f]{64}$/, 'image: the SHA-256 of its bytes, 64 lower-case hex digits');
export const ImageData = z
  .string()
  .min(4)
  .max(IMAGE_MAX_BASE64, `image: at most ${IMAGE_MAX_BYTES} bytes`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'image: base64');

export const ImageSchema = z.object({ hash: ImageHash, type: z.enum(IMAGE_TYPES), width: z.number().int(), height: z.number().int(), size: z.number().int(), data: ImageData });
export type Image = z.infer<typeof ImageSchema>;
export const ImageRefSchema = z.object({ hash: ImageHash, type: z.enum(IMAGE_TYPES), width: z.number().int(), height: z.number().int(), size: z.number().int() });
export type ImageRef = z.infer<typeof ImageRefSchema>;
