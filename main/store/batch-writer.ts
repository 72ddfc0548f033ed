import type { Database } from './database';

/**
 * The single writer for high-rate data (device state, later telemetry and
 * events): rows queue in memory and are written in one transaction per turn
 * of the event loop, or sooner when the batch is full.
 */
export class BatchWriter<Row> {
  private queue: Row[] = [];
  private scheduled = false;
  private readonly flushBatch: (rows: Row[]) => void;

  constructor(
    db: Database,
    write: (row: Row) => void,
    private readonly options: {
      maxBatch?: number;
      /** Last work of the batch's transaction (writing what its rows added up to). */
      finish?: () => void;
      onFlush?: (rows: Row[]) => void;
    } = {},
  ) {
    this.flushBatch = db.transaction((rows: Row[]) => {
      for (const row of rows) write(row);
      options.finish?.();
    });
  }

  push(row: Row): void {
    this.queue.push(row);
    if (this.queue.length >= (this.options.maxBatch ?? 5000)) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  flush(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const rows = this.queue;
    this.queue = [];
    this.flushBatch(rows);
    this.options.onFlush?.(rows);
  }
}
