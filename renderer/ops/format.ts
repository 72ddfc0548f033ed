import type { QuarantineKind } from '../core/contract';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';

/** "3 s", "2 min 5 s", "1 h 3 min", "2 d 4 h": two units at most, for a glance. */
export function formatDuration(t: TFunction, ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const s = seconds % 60;
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600) % 24;
  const d = Math.floor(seconds / 86_400);
  if (d) return t('ops.duration.d', { d, h });
  if (h) return t('ops.duration.h', { h, m });
  if (m) return t('ops.duration.m', { m, s });
  return t('ops.duration.s', { s });
}

export function formatTime(at: number): string {
  const time = dayjs(at);
  return time.isSame(dayjs(), 'day') ? time.format('HH:mm:ss') : time.format('YYYY-MM-DD HH:mm:ss');
}

export function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate.toFixed(1);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why the core refused a message, in the UI language; the core's full reason goes beside it. */
export function kindLabel(t: TFunction, kind: QuarantineKind): string {
  return t(`ops.quarantine.kinds.${kind}`);
}
