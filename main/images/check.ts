import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { IMAGE_MAX_BYTES, IMAGE_MAX_SIDE, type ImageRef, type ImageType } from '../contract/images';

const TYPES: Record<string, ImageType> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Reads what an image really is from its bytes (never from a name or a
 * declared type): JPEG, PNG or WebP with sensible dimensions, or why not.
 */
export function checkImage(bytes: Uint8Array): { ok: true; image: ImageRef } | { ok: false; reason: string } {
  if (bytes.byteLength === 0) return { ok: false, reason: 'image: empty' };
  if (bytes.byteLength > IMAGE_MAX_BYTES) return { ok: false, reason: `image: ${bytes.byteLength} bytes is over ${IMAGE_MAX_BYTES}; send it reduced` };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, reason: 'image: not a JPEG, PNG or WebP image' };
  }
  const type = TYPES[size.type ?? ''];
  if (!type) return { ok: false, reason: `image: ${size.type ?? 'unknown'} images are not accepted; send JPEG, PNG or WebP` };
  if (!size.width || !size.height) return { ok: false, reason: 'image: no width or height' };
  if (size.width > IMAGE_MAX_SIDE || size.height > IMAGE_MAX_SIDE) return { ok: false, reason: `image: ${size.width}×${size.height} is over ${IMAGE_MAX_SIDE} px a side` };
  return { ok: true, image: { hash: hashImage(bytes), type, width: size.width, height: size.height, size: bytes.byteLength } };
}

export function hashImage(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
