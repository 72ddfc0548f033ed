import type { z } from 'zod';
import { deviceCodeProblem, type QuarantineKind } from '../contract';
import { CHANNELS, matchTopic, type Channel, type ChannelName, type ChannelPayload } from './interface/topics';

/** Larger payloads are refused unread: no device message needs more. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export type Decoded = {
  [C in ChannelName]: { ok: true; channel: C; params: Record<string, string>; payload: ChannelPayload<C> };
}[ChannelName];
export type Rejected = { ok: false; kind: QuarantineKind; reason: string };

const CODE_PARAMS = ['code'] as const;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`;
}

/**
 * Turns one MQTT message into a typed site message, or says exactly why not.
 * Pure and total: any topic and any bytes give one of the two answers.
 */
export function decode(topic: string, payload: Uint8Array, site: string): Decoded | Rejected {
  const match = matchTopic(topic);
  const limit = (match && (CHANNELS[match.channel] as Channel).maxBytes) || MAX_PAYLOAD_BYTES;
  if (payload.byteLength > limit) return { ok: false, kind: 'oversized', reason: `payload of ${payload.byteLength} bytes exceeds ${limit}` };
  if (!match) return { ok: false, kind: 'topic', reason: 'topic is not in the vigil/v1 topic tree' };
  if (match.params.site !== site) return { ok: false, kind: 'site', reason: `topic is for site ${match.params.site}, not ${site}` };
  for (const param of CODE_PARAMS) {
    const code = match.params[param];
    const problem = code === undefined ? null : deviceCodeProblem(code);
    if (problem) return { ok: false, kind: 'device-code', reason: `device code: ${problem}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  } catch {
    return { ok: false, kind: 'json', reason: 'payload is not JSON' };
  }
  const parsed = CHANNELS[match.channel].payload.safeParse(json);
  if (!parsed.success) return { ok: false, kind: 'schema', reason: `${match.channel}: ${firstIssue(parsed.error)}` };
  return { ok: true, channel: match.channel, params: match.params, payload: parsed.data } as Decoded;
}

/** The first bytes of a payload, readable where they are text, for the quarantine view. */
export function preview(payload: Uint8Array, bytes = 200): string {
  const head = Buffer.from(payload.buffer, payload.byteOffset, Math.min(bytes, payload.byteLength));
  const text = head.toString('utf8');
  // eslint-disable-next-line no-control-regex
  const printable = !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  return printable ? text : `hex:${head.toString('hex')}`;
}
