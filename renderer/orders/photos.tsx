import { CameraOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Image, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ORDER_PHOTOS } from '../core/contract';
import { core } from '../core/client';
import { describeError } from '../core/errors';

/** Longest side sent; a phone's 4 000 px photo would pass 1 MiB and show nothing more on a desk. */
const MAX_SIDE = 1600;

/**
 * A photo as the core takes it: drawn again on a canvas at ≤ 1 600 px and
 * encoded as JPEG, which also drops the camera's EXIF (its GPS position).
 */
export async function reducePhoto(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file).catch((error: unknown) => {
    throw new Error('not an image this browser can read', { cause: error });
  });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('the photo could not be encoded'))), 'image/jpeg', 0.85));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** One thumbnail, read from the core by its hash; a click enlarges it. */
export function Photo({ hash, size = 72 }: { hash: string; size?: number }) {
  const image = useQuery({ queryKey: ['images', hash], queryFn: () => core.call('images.get', { hash }), staleTime: Infinity });
  if (!image.data) return <span className="order-photo-empty" style={{ width: size, height: size }} data-testid="order-photo-missing" />;
  return (
    <span data-testid="order-photo" data-hash={hash}>
      <Image width={size} height={size} src={`data:${image.data.type};base64,${image.data.data}`} className="order-photo" alt="" />
    </span>
  );
}

export function PhotoStrip({ hashes, testId }: { hashes: readonly string[]; testId: string }) {
  const { t } = useTranslation();
  if (hashes.length === 0) return <Typography.Text type="secondary">{t('orders.detail.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div className="order-photos" data-testid={testId}>
        {hashes.map((hash) => (
          <Photo key={hash} hash={hash} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

/** Photos picked for a note, a completion or a new order: reduced and stored at the core as they are picked. */
export function PhotoPicker({ value, onChange, large }: { value: string[]; onChange(hashes: string[]): void; large?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    try {
      const added: string[] = [];
      for (const file of [...files].slice(0, MAX_ORDER_PHOTOS - value.length)) {
        const ref = await core.call('images.put', { data: await reducePhoto(file) });
        added.push(ref.hash);
      }
      onChange([...new Set([...value, ...added])]);
    } catch (error) {
      message.error(describeError(t, error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="order-photo-picker">
      <PhotoStrip hashes={value} testId="picked-photos" />
      <input ref={input} type="file" accept="image/*" multiple hidden onChange={(event) => void add(event.target.files)} data-testid="photo-input" />
      <Button size={large ? 'large' : 'middle'} icon={busy ? <LoadingOutlined /> : <CameraOutlined />} disabled={busy || value.length >= MAX_ORDER_PHOTOS} onClick={() => input.current?.click()} data-testid="photo-add">
        {busy ? t('orders.actions.uploading') : t('orders.actions.addPhoto')}
      </Button>
    </div>
  );
}
