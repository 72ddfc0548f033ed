import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { pushSite, testCore } from '../testing/harness';

/**
 * Two stations take steps on the same few notices while their records reach
 * each other late and in any order (as over a broker with a station away):
 * once everything has arrived, both hold the same notices, steps and all.
 */
const IDS = ['lift-b3', 'water-cut'] as const;
const STEPS = ['save', 'submit', 'approve', 'reject', 'revoke'] as const;

type Op = { kind: 'step'; station: 0 | 1; step: (typeof STEPS)[number]; id: (typeof IDS)[number]; text: number } | { kind: 'deliver'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('step' as const), station: fc.constantFrom(0 as const, 1 as const), step: fc.constantFrom(...STEPS), id: fc.constantFrom(...IDS), text: fc.nat(3) }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }),
);

function take(core: Core, station: 0 | 1, step: (typeof STEPS)[number], id: string, text: number, now: number): void {
  const user = station ? 'desk-b' : 'desk-a';
  try {
    if (step === 'save') core.notices.save({ id, title: { zh: `公告 ${text}` }, body: { zh: `<p>正文 ${text}</p>` }, audience: { kind: 'site' }, publishAt: null, expiresAt: null }, user, now);
    else if (step === 'submit') core.notices.submit(id, user, now);
    else if (step === 'approve') core.notices.approve(id, { publishAt: null }, user, now);
    else if (step === 'reject') core.notices.reject(id, '再改改', user, now);
    else core.notices.revoke(id, user, now);
  } catch {
    // A step the notice's state does not allow here is refused, as it would be to an officer; the run goes on.
  }
}

const view = (core: Core) => JSON.stringify(core.notices.list({ limit: 500 }, Date.now()).map(({ id, state, title, history, updatedBy }) => ({ id, state, title, history, updatedBy })).sort((a, b) => a.id.localeCompare(b.id)));

describe('notices at two stations', () => {
  it('converge whatever the order in which their records arrive', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 }), (ops, finalOrder) => {
        const stations = [testCore(), testCore()] as const;
        const sent = [0, 0];
        const pending: { to: 0 | 1; topic: string; payload: string }[] = [];
        const collect = (from: 0 | 1) => {
          const rows = stations[from].db.prepare("SELECT topic, payload FROM outbox WHERE topic LIKE '%/notices/records/%' ORDER BY rowid").all() as { topic: string; payload: string }[];
          for (const row of rows.slice(sent[from])) pending.push({ to: from ? 0 : 1, ...row });
          sent[from] = rows.length;
        };
        const deliver = (index: number) => {
          const [message] = pending.splice(index % pending.length, 1);
          pushSite(stations[message!.to], message!.topic.split('/').slice(3).join('/'), JSON.parse(message!.payload));
          stations[message!.to].ingest.flush();
        };
        try {
          let now = Date.now();
          for (const step of ops) {
            now += 1_000;
            if (step.kind === 'step') {
              take(stations[step.station], step.station, step.step, step.id, step.text, now);
              collect(step.station);
            } else if (pending.length) deliver(step.pick);
          }
          for (const pick of finalOrder) if (pending.length) deliver(pick);
          while (pending.length) deliver(0);
          expect(view(stations[1])).toBe(view(stations[0]));
          expect(stations[0].db.prepare('SELECT COUNT(*) FROM quarantine').pluck().get()).toBe(0);
        } finally {
          void stations[0].close();
          void stations[1].close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
