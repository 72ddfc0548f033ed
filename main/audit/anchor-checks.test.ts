import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, type StationKey } from '../signing/station-key';
import { signAnchor, type AuditAnchor } from './anchor';
import { checkAnchor, checkOwnAnchor, type HeldAnchor } from './anchor-checks';

const SITE = 'park-1';

function stationKey(): StationKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { sign: (bytes) => sign(null, bytes, privateKey), publicKeyPem, fingerprint: fingerprintOf(publicKeyPem) };
}

/** The chain hash of row `seq` as written in `epoch` (rows written again after a deletion hash differently). */
const hashAt = (seq: number, epoch = 0) => createHash('sha256').update(`${seq}/${epoch}`).digest('hex');

/** A station that anchors its head honestly after each run of appended rows. */
function honestAnchors(key: StationKey, growth: number[], start = 1_767_225_600_000): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  let seq = 0;
  growth.forEach((rows, index) => {
    seq += rows;
    const previous = anchors.at(-1);
    anchors.push(signAnchor(SITE, key, { station: 'desk-1', head: { seq, hash: hashAt(seq), count: seq }, at: start + (index + 1) * 1_000, previous: previous ? { seq: previous.seq, hash: previous.hash } : null }));
  });
  return anchors;
}

/** Feeds anchors in order as a receiving station would, holding each one accepted; every verdict. */
function receiveAll(anchors: AuditAnchor[], held: HeldAnchor | null = null) {
  const verdicts = anchors.map((anchor) => {
    const verdict = checkAnchor(SITE, held, anchor);
    if (verdict.outcome === 'accept') held = { fingerprint: held?.fingerprint ?? fingerprintOf(anchor.key), last: anchor };
    return verdict;
  });
  return { verdicts, held };
}

const key = stationKey();

describe('audit anchor checks', () => {
  it('accept any sequence of honest anchors without a finding', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 30 }), (growth) => {
        const { verdicts } = receiveAll(honestAnchors(key, growth));
        expect(verdicts.every((verdict) => verdict.outcome === 'accept' && verdict.findings.length === 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('catch any rollback of the head, whatever the station then appends up to the old head', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat(), fc.boolean(), (growth, deleteSeed, appendSeed, knowsPrevious) => {
        const anchors = honestAnchors(key, growth);
        const last = anchors.at(-1)!;
        const deleted = 1 + (deleteSeed % last.seq);
        const seq = last.seq - deleted + (appendSeed % (deleted + 1));
        const rolledBack = signAnchor(SITE, key, { station: 'desk-1', head: { seq, hash: hashAt(seq, 1), count: seq }, at: last.at + 5_000, previous: knowsPrevious ? { seq: last.seq, hash: last.hash } : null });
        const { verdicts } = receiveAll([...anchors, rolledBack]);
        const verdict = verdicts.at(-1)!;
        expect(verdict.outcome).toBe('accept');
        const kinds = verdict.outcome === 'accept' ? verdict.findings.map((finding) => finding.kind) : [];
        expect(kinds.some((kind) => kind === 'rollback' || kind === 'fork')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('refuse any older anchor sent again after a newer one, as a replay', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 12 }), fc.nat(), (growth, pick) => {
        const anchors = honestAnchors(key, growth);
        const old = anchors[pick % (anchors.length - 1)]!;
        const { verdicts } = receiveAll([...anchors, old]);
        expect(verdicts.at(-1)).toMatchObject({ outcome: 'refuse', quarantine: 'replay', finding: { kind: 'replay', reason: expect.stringContaining('older than the one held') } });
      }),
      { numRuns: 40 },
    );
  });

  it('take the held anchor delivered again (a retained message at reconnect) as nothing new', () => {
    const anchors = honestAnchors(key, [3, 4]);
    expect(receiveAll([...anchors, anchors[1]!]).verdicts.at(-1)).toEqual({ outcome: 'duplicate' });
  });

  it('refuse an anchor whose fields were changed after signing', () => {
    const [anchor] = honestAnchors(key, [7]);
    for (const forged of [{ ...anchor!, seq: 99 }, { ...anchor!, hash: hashAt(7, 3) }, { ...anchor!, at: anchor!.at + 1 }, { ...anchor!, previous: { seq: 1, hash: hashAt(1) } }]) {
      expect(checkAnchor(SITE, null, forged)).toMatchObject({ outcome: 'refuse', quarantine: 'refused', finding: { kind: 'bad-signature' } });
    }
    // Signed for another site: not valid here.
    const elsewhere = signAnchor('park-2', key, { station: 'desk-1', head: { seq: 7, hash: hashAt(7), count: 7 }, at: 1, previous: null });
    expect(checkAnchor(SITE, null, elsewhere)).toMatchObject({ outcome: 'refuse', finding: { kind: 'bad-signature' } });
  });

  it('refuse a well-signed anchor from another key than the first seen for the station', () => {
    const { held } = receiveAll(honestAnchors(key, [5]));
    const impostor = signAnchor(SITE, stationKey(), { station: 'desk-1', head: { seq: 9, hash: hashAt(9), count: 9 }, at: Date.now(), previous: { seq: 5, hash: hashAt(5) } });
    expect(checkAnchor(SITE, held, impostor)).toMatchObject({ outcome: 'refuse', quarantine: 'refused', finding: { kind: 'key-changed', reason: expect.stringContaining('first seen') } });
  });

  it('report a previous head that is not the last held (anchors missed or the chain cut) and a restarted chain', () => {
    const anchors = honestAnchors(key, [2, 3, 4]);
    const { verdicts } = receiveAll([anchors[0]!, anchors[2]!]);
    expect(verdicts[1]).toMatchObject({ outcome: 'accept', findings: [{ kind: 'gap', reason: expect.stringContaining('follows row 5') }] });
    const restarted = signAnchor(SITE, key, { station: 'desk-1', head: { seq: 12, hash: hashAt(12, 1), count: 12 }, at: anchors[2]!.at + 1, previous: null });
    expect(receiveAll([...anchors, restarted]).verdicts.at(-1)).toMatchObject({ outcome: 'accept', findings: [{ kind: 'gap', reason: expect.stringContaining('starts again') }] });
  });

  it('find this station\'s anchored row deleted or replaced in its own trail', () => {
    const [anchor] = honestAnchors(key, [50]);
    expect(checkOwnAnchor(anchor!, { id: 50, hash: hashAt(50) }, 50)).toBeNull();
    expect(checkOwnAnchor(anchor!, undefined, 45)).toMatchObject({ kind: 'deleted-rows', seq: 50, reason: expect.stringContaining('ends at row 45') });
    expect(checkOwnAnchor(anchor!, { id: 50, hash: hashAt(50, 2) }, 52)).toMatchObject({ kind: 'rewritten', seq: 50 });
  });
});
