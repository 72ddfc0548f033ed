import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUARANTINE_KINDS } from '../contract';
import { MAX_PAYLOAD_BYTES, decode, preview } from './decode';

const SITE = 'park';
const CODE = '32061201011320000001';
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const topic = (rest: string) => `vigil/v1/${SITE}/${rest}`;
const INFO = { name: 'Gate PTZ', area: 'North', building: 'A', floor: '1F', ts: 1 };

describe('decode', () => {
  it('accepts each kind of valid message', () => {
    const now = Date.now();
    expect(decode(topic(`devices/${CODE}/state`), bytes({ status: 'online', ts: now }), SITE)).toMatchObject({ ok: true, channel: 'deviceState', params: { code: CODE } });
    expect(decode(topic(`devices/${CODE}/telemetry`), bytes({ ts: now, values: { kwh: 1.5 } }), SITE)).toMatchObject({ ok: true, channel: 'telemetry' });
    expect(decode(topic(`devices/${CODE}/events`), bytes({ id: 'evt-00000001', type: 'intrusion', ts: now }), SITE)).toMatchObject({ ok: true, channel: 'deviceEvent' });
    expect(decode(topic(`devices/${CODE}/info`), bytes({ ...INFO, onvif: 'http://10.0.0.5/onvif/device_service' }), SITE)).toMatchObject({ ok: true, channel: 'deviceInfo' });
    expect(decode(topic(`stations/desk-1/presence`), bytes({ online: true, ts: now }), SITE)).toMatchObject({ ok: true, channel: 'presence', params: { station: 'desk-1' } });
  });

  it.each([
    ['an oversized payload', topic(`devices/${CODE}/state`), Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 32), `exceeds ${MAX_PAYLOAD_BYTES}`],
    ['a topic outside the tree', 'vigil/v2/park/devices/x/state', bytes({}), 'not in the vigil/v1 topic tree'],
    ['another site', `vigil/v1/other/devices/${CODE}/state`, bytes({ status: 'online', ts: 1 }), 'not park'],
    ['a malformed device code', topic('devices/123/state'), bytes({ status: 'online', ts: 1 }), 'exactly 20 digits'],
    ['a payload that is not JSON', topic(`devices/${CODE}/state`), bytes('{"status":'), 'not JSON'],
    ['a field of the wrong type', topic(`devices/${CODE}/state`), bytes({ status: 'sleeping', ts: 1 }), 'deviceState: status'],
    ['an unknown field', topic(`devices/${CODE}/state`), bytes({ status: 'online', ts: 1, extra: 1 }), 'deviceState'],
    ['an ONVIF address with credentials', topic(`devices/${CODE}/info`), bytes({ ...INFO, onvif: 'http://admin:secret@10.0.0.5/onvif/device_service' }), 'no credentials in the address'],
    ['an ONVIF address that is not http(s)', topic(`devices/${CODE}/info`), bytes({ ...INFO, onvif: 'rtsp://10.0.0.5/onvif' }), 'deviceInfo: onvif'],
    ['an event of an unknown type', topic(`devices/${CODE}/events`), bytes({ id: 'evt-00000001', type: 'alien', ts: 1 }), 'deviceEvent: type'],
  ])('refuses %s with a clear reason', (_what, topicName, payload, reason) => {
    const result = decode(topicName, payload, SITE);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
    expect(!result.ok && QUARANTINE_KINDS).toContain(!result.ok && result.kind);
  });

  it('answers any topic and any bytes without throwing', () => {
    const topics = fc.oneof(
      fc.string(),
      fc.constantFrom('state', 'info', 'telemetry', 'events', 'commands/ack').map((channel) => topic(`devices/${CODE}/${channel}`)),
    );
    const payloads = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.jsonValue().map((value) => bytes(JSON.stringify(value) ?? 'null')),
      fc.record({ status: fc.string(), ts: fc.integer() }).map(bytes),
    );
    fc.assert(
      fc.property(topics, payloads, (topicName, payload) => {
        const result = decode(topicName, payload, SITE);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('previews text as text and binary as hex', () => {
    expect(preview(bytes('{"a":1}'))).toBe('{"a":1}');
    expect(preview(Buffer.from([0, 1, 2, 255]))).toBe('hex:000102ff');
  });
});
