/** More new alarms than this within STORM_WINDOW_MS is a storm: the list groups itself. */
export const STORM_THRESHOLD = 50;
export const STORM_WINDOW_MS = 5000;

const BUCKET_MS = 250;
const BUCKETS = STORM_WINDOW_MS / BUCKET_MS;

/** New alarms over the last few seconds, in fixed buckets: constant memory however hard the storm. */
export class ArrivalRate {
  private readonly counts = new Array<number>(BUCKETS).fill(0);
  private readonly stamps = new Array<number>(BUCKETS).fill(-1);

  add(count: number, now: number): void {
    if (count <= 0) return;
    const stamp = Math.floor(now / BUCKET_MS);
    const slot = stamp % BUCKETS;
    if (this.stamps[slot] !== stamp) {
      this.stamps[slot] = stamp;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += count;
  }

  /** New alarms within the last STORM_WINDOW_MS. */
  recent(now: number): number {
    const newest = Math.floor(now / BUCKET_MS);
    let total = 0;
    for (let slot = 0; slot < BUCKETS; slot++) if (this.stamps[slot]! > newest - BUCKETS) total += this.counts[slot]!;
    return total;
  }

  clear(): void {
    this.counts.fill(0);
    this.stamps.fill(-1);
  }
}
