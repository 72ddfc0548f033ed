/** Counts per second over a sliding window of whole seconds, cheap enough for every message. */
export class RateCounter {
  private readonly buckets: number[];
  private second = 0;

  constructor(
    private readonly windowSeconds = 10,
    private readonly now: () => number = Date.now,
  ) {
    this.buckets = new Array<number>(windowSeconds).fill(0);
  }

  add(count = 1): void {
    this.advance();
    this.buckets[this.second % this.windowSeconds]! += count;
  }

  /** Average per second over the window, not counting the second in progress. */
  perSecond(): number {
    this.advance();
    let sum = 0;
    for (let i = 1; i < this.windowSeconds; i++) sum += this.buckets[(this.second - i + this.windowSeconds * 2) % this.windowSeconds]!;
    return sum / (this.windowSeconds - 1);
  }

  private advance(): void {
    const second = Math.floor(this.now() / 1000);
    if (second === this.second) return;
    const gap = Math.min(second - this.second, this.windowSeconds);
    for (let i = 1; i <= gap; i++) this.buckets[(second - gap + i) % this.windowSeconds] = 0;
    this.second = second;
  }
}
