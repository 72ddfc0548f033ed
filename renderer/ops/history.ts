import { create } from 'zustand';
import type { IngestStats } from '../core/contract';

export type RateSample = IngestStats['rates'] & { at: number };

export const HISTORY_LENGTH = 60;
/** A longer silence (page closed, window hidden, core unreachable) starts a fresh line rather than joining old and new. */
const GAP_MS = 5_000;

/** The last minute of ingest rates, one sample per poll; kept while another page is open. */
export const useRateHistory = create<{ samples: RateSample[] }>(() => ({ samples: [] }));

export function recordSample(rates: IngestStats['rates'], at = Date.now()): void {
  useRateHistory.setState(({ samples }) => {
    const last = samples[samples.length - 1];
    const kept = last && at - last.at <= GAP_MS ? samples.slice(-(HISTORY_LENGTH - 1)) : [];
    return { samples: [...kept, { ...rates, at }] };
  });
}
