import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import type { Core } from './core';
import { createLogger } from './logging/logger';
import { testCore, waitFor } from './testing/harness';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

it('keeps the station running when a sweep meets a record it cannot read: logged with its name, and tried again next time', async () => {
  const lines: { sweep?: string; msg?: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { sweep?: string; msg?: string });
      done();
    },
  });
  core = testCore({ logger: createLogger({ level: 'error', stream }) });
  // A repair order past its deadline whose record is not one (a damaged row): its escalation throws.
  core.db
    .prepare("INSERT INTO orders (id, record, state, priority, category, source, title, building, created_at, updated_at, respond_by, complete_by, escalated) VALUES ('r-broken', '{}', 'assigned', 'high', 'plumbing', 'resident', '漏水', 'A', 1, 1, 2, 3, '')")
    .run();
  await waitFor(() => lines.filter((line) => line.sweep === 'repair order deadlines').length >= 2, 'the failing sweep logged on two ticks');
  expect(lines.every((line) => line.msg === 'a periodic sweep failed' && line.sweep === 'repair order deadlines')).toBe(true);
});
