import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { Outbox } from '../outbox/outbox';
import { fingerprintOf, loadStationKey } from '../signing/station-key';
import { openDatabase } from '../store/database';
import { tempDir } from '../testing/harness';
import type { AuditAnchor } from './anchor';
import { AnchorBook } from './anchor-book';
import { AnchorPublisher } from './anchor-publisher';
import { AuditTrail } from './trail';

/** One station's trail, book and publisher on a fresh database, on a clock the test moves. */
function station(name = 'desk-1') {
  const db = openDatabase(':memory:');
  let now = 1_767_225_600_000;
  const audit = new AuditTrail(db, () => now);
  const book = new AnchorBook({ db, audit, site: 'park-1', station: name, now: () => now });
  const outbox = new Outbox(db, silentLogger());
  const publisher = new AnchorPublisher({ db, audit, book, outbox, key: loadStationKey(tempDir()), site: 'park-1', station: name, now: () => now, debounceMs: 20 });
  const act = (count = 1) => {
    for (let i = 0; i < count; i++) audit.append({ actor: 'wang', role: 'duty_officer', station: name, action: 'alarms.act', target: 'a1', outcome: 'ok' });
  };
  const published = () => (db.prepare('SELECT payload FROM outbox ORDER BY seq').all() as { payload: string }[]).map((row) => JSON.parse(row.payload) as AuditAnchor);
  return { db, audit, book, publisher, act, published, tick: (ms: number) => (now += ms) };
}

describe('audit anchor publishing and checking', () => {
  it('anchors the head at start and after audited actions, at most once per debounce, each naming the one before', async () => {
    const desk = station();
    desk.act(3);
    desk.publisher.start();
    desk.act(2);
    desk.act(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    desk.publisher.stop();
    const anchors = desk.published();
    expect(anchors.map(({ seq, count, previous }) => ({ seq, count, previous: previous?.seq ?? null }))).toEqual([
      { seq: 3, count: 3, previous: null },
      { seq: 6, count: 6, previous: 3 },
    ]);
    expect(anchors[1]!.at).toBeGreaterThan(anchors[0]!.at);
    expect(desk.book.own()?.anchor).toEqual(anchors[1]);
    // Nothing new to anchor: nothing published.
    expect(desk.publisher.publish()).toBeNull();
  });

  it('finds at start, offline, that the anchored newest rows were deleted; the next anchor then names no previous', () => {
    const desk = station();
    desk.act(10);
    desk.publisher.publish();
    desk.db.prepare('DELETE FROM audit WHERE id > 7').run();
    expect(desk.book.checkOwnStored()).toMatchObject({ kind: 'deleted-rows', seq: 10 });
    expect(desk.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'audit.anchorFinding', target: 'desk-1', outcome: 'failed', detail: { kind: 'deleted-rows', seq: 10 } });
    // Found once: the broker's retained copy of the same anchor adds nothing.
    desk.book.receive('desk-1', desk.published()[0]!, Date.now(), null);
    expect(desk.book.list()[0]!.findings.map((finding) => finding.kind)).toEqual(['deleted-rows']);
    desk.tick(1_000);
    expect(desk.publisher.publish()).toMatchObject({ seq: 8, previous: null });
  });

  it('holds another station\'s anchors, reports what they reveal and refuses what is not its word', () => {
    const [a, b] = [station('desk-a'), station('desk-b')];
    a.act(5);
    const first = a.publisher.publish()!;
    expect(b.book.receive('desk-a', first, 1, null)).toBeNull();
    expect(b.book.receive('desk-a', first, 2, null)).toBeNull();
    a.act(2);
    a.tick(1_000);
    const second = a.publisher.publish()!;
    expect(b.book.receive('desk-a', second, 3, null)).toBeNull();
    expect(b.book.receive('desk-a', first, 4, null)).toMatchObject({ kind: 'replay' });
    expect(b.book.receive('desk-a', { ...second, seq: 99 }, 5, null)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('signature') });
    a.db.prepare('DELETE FROM audit WHERE id > 5').run();
    a.tick(1_000);
    expect(b.book.receive('desk-a', a.publisher.publish()!, 6, null)).toBeNull();
    const [, held] = b.book.list();
    expect(held).toMatchObject({ station: 'desk-a', own: false, last: { seq: 5 } });
    expect(held!.findings.map((finding) => finding.kind)).toEqual(['replay', 'bad-signature', 'rollback']);
  });

  it('reports two stations given the same name once, instead of answering each other\'s every anchor', () => {
    const [x, y] = [station('desk-1'), station('desk-1')];
    for (let round = 0; round < 5; round++) {
      x.act();
      x.tick(1_000);
      expect(y.book.receive('desk-1', x.publisher.publish()!, round, null)).toBeNull();
      y.act();
      y.tick(1_000);
      // x checks anchors in its own name against its own key.
      expect(x.book.receive('desk-1', y.publisher.publish()!, round, fingerprintOf(x.book.own()!.anchor.key))).toMatchObject({ kind: 'refused', reason: expect.stringContaining('another key') });
    }
    expect(x.book.list()[0]!.findings.map((finding) => finding.kind)).toEqual(['key-changed']);
    expect(x.audit.list({ limit: 100, action: 'audit.anchorFinding' })).toHaveLength(1);
  });

  it('quarantines every forged anchor but records forgeries once an hour per station, so they cannot flood the trail', () => {
    const [a, b] = [station('desk-a'), station('desk-b')];
    a.act(3);
    const genuine = a.publisher.publish()!;
    for (let seq = 10; seq < 30; seq++) expect(b.book.receive('desk-a', { ...genuine, seq }, seq, null)).toMatchObject({ kind: 'refused' });
    expect(b.audit.list({ limit: 100, action: 'audit.anchorFinding' })).toHaveLength(1);
    b.tick(3_600_000);
    b.book.receive('desk-a', { ...genuine, seq: 31 }, 31, null);
    expect(b.audit.list({ limit: 100, action: 'audit.anchorFinding' })).toHaveLength(2);
  });
});
