import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, pushSite, rejection, testCore } from '../testing/harness';
import { makePng } from '../testing/images';
import { checkImage, hashImage } from './check';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const PASSWORD = 'Photo-Taker-2026';

async function technician(station: Core) {
  await station.auth.createUser({ username: 'tech', displayName: 'Tech', role: 'technician', password: PASSWORD });
  const client = connectClient(station);
  await client.call('auth.signIn', { username: 'tech', password: PASSWORD, station: 'desk' });
  return client;
}

const quarantined = (station: Core) => station.db.prepare("SELECT kind, reason FROM quarantine WHERE topic LIKE '%/images/%'").all() as { kind: string; reason: string }[];

describe('images', () => {
  it('are what their bytes say: JPEG, PNG or WebP of sensible size, else refused with the reason', () => {
    expect(checkImage(makePng(64, 48))).toMatchObject({ ok: true, image: { type: 'image/png', width: 64, height: 48 } });
    expect(checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ ok: false, reason: expect.stringMatching(/svg images are not accepted|not a JPEG/) });
    expect(checkImage(Buffer.from('just some text, not a picture'))).toEqual({ ok: false, reason: 'image: not a JPEG, PNG or WebP image' });
    expect(checkImage(Buffer.alloc(0))).toEqual({ ok: false, reason: 'image: empty' });
    expect(checkImage(makePng(16, 16, [0, 0, 0], 1_100_000))).toMatchObject({ ok: false, reason: expect.stringContaining('over 1048576') });
    expect(checkImage(makePng(9000, 1))).toMatchObject({ ok: false, reason: 'image: 9000×1 is over 8192 px a side' });
  });

  it('taken at a station are stored once by hash and published retained; a bad one is refused to the caller', async () => {
    core = testCore();
    const client = await technician(core);
    const png = makePng(32, 32);
    const ref = await client.call('images.put', { data: png.toString('base64') });
    expect(ref).toEqual({ hash: hashImage(png), type: 'image/png', width: 32, height: 32, size: png.length });
    await client.call('images.put', { data: png.toString('base64') });
    const published = core.db.prepare("SELECT topic, retain FROM outbox WHERE topic LIKE '%/images/%'").all();
    expect(published).toEqual([{ topic: `vigil/v1/test-site/images/${ref.hash}`, retain: 1 }]);
    expect(await client.call('images.get', { hash: ref.hash })).toMatchObject({ data: png.toString('base64') });
    expect((await rejection(client.call('images.put', { data: Buffer.from('GIF89a not really').toString('base64') }))).message).toMatch(/^image: /);
    expect((await rejection(client.call('images.put', { data: 'not base64 at all!' }))).code).toBe('invalid_input');
    // Nobody who has not signed in adds or reads images.
    expect((await rejection(connectClient(core).call('images.get', { hash: ref.hash }))).code).toBe('unauthenticated');
  });

  it('from the site are kept when their bytes match their name; a wrong name, a non-image or an oversized payload is quarantined', () => {
    core = testCore();
    const png = makePng(8, 8);
    const hash = hashImage(png);
    pushSite(core, `images/${hash}`, { data: png.toString('base64'), ts: 1 });
    pushSite(core, `images/${'0'.repeat(64)}`, { data: png.toString('base64'), ts: 1 });
    const text = Buffer.from('hello, I am a text file');
    pushSite(core, `images/${hashImage(text)}`, { data: text.toString('base64'), ts: 1 });
    core.ingest.push({ topic: `vigil/v1/test-site/images/${hash}`, payload: Buffer.alloc(1_600_000, 32), receivedAt: Date.now() });
    core.ingest.flush();
    expect(core.images.ref(hash)).toMatchObject({ width: 8, height: 8 });
    expect(core.images.ref('0'.repeat(64))).toBeNull();
    expect(quarantined(core)).toEqual([
      { kind: 'image', reason: `image: its bytes hash to ${hash}, not ${'0'.repeat(64)}` },
      { kind: 'image', reason: 'image: not a JPEG, PNG or WebP image' },
      { kind: 'oversized', reason: 'payload of 1600000 bytes exceeds 1500000' },
    ]);
  });
});
