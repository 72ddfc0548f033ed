import { createHash, randomBytes } from 'node:crypto';

/** A camera's user name and password, as the core keeps them. */
export type SignIn = { username: string; password: string };

/** What a camera asked for in its 401: Basic, or Digest with its realm and nonce (RFC 2617, as RTSP cameras use it). */
export type Challenge =
  | { scheme: 'basic' }
  | { scheme: 'digest'; realm: string; nonce: string; opaque?: string; qop: boolean; algorithm?: string };

/** The challenge to answer from a 401's WWW-Authenticate headers: Digest when offered (the password never crosses the wire), else Basic. */
export function readChallenge(headers: string[]): Challenge | null {
  const offers = headers.filter((line) => /^www-authenticate:/i.test(line)).map((line) => line.slice(line.indexOf(':') + 1).trim());
  const digest = offers.find((offer) => /^digest\s/i.test(offer));
  if (digest) {
    const params = digestParams(digest.slice(6));
    // MD5-sess and SHA-256 are not what cameras offer; an answer they cannot check would only fail later.
    const algorithm = params.get('algorithm');
    if (params.has('realm') && params.has('nonce') && (!algorithm || /^md5$/i.test(algorithm))) {
      const qop = (params.get('qop') ?? '').split(',').map((value) => value.trim());
      return { scheme: 'digest', realm: params.get('realm')!, nonce: params.get('nonce')!, opaque: params.get('opaque'), qop: qop.includes('auth'), algorithm };
    }
  }
  return offers.some((offer) => /^basic\b/i.test(offer)) ? { scheme: 'basic' } : null;
}

/** The Authorization header's value for one request; `count` numbers the requests answered with this nonce (qop=auth). */
export function authorization(challenge: Challenge, signIn: SignIn, method: string, uri: string, count: number, cnonce = randomBytes(8).toString('hex')): string {
  if (challenge.scheme === 'basic') return `Basic ${Buffer.from(`${signIn.username}:${signIn.password}`).toString('base64')}`;
  const ha1 = md5(`${signIn.username}:${challenge.realm}:${signIn.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const fields = [
    ['username', quote(signIn.username)],
    ['realm', quote(challenge.realm)],
    ['nonce', quote(challenge.nonce)],
    ['uri', quote(uri)],
  ];
  if (challenge.qop) {
    const nc = count.toString(16).padStart(8, '0');
    fields.push(['response', quote(md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`))], ['qop', 'auth'], ['nc', nc], ['cnonce', quote(cnonce)]);
  } else {
    fields.push(['response', quote(md5(`${ha1}:${challenge.nonce}:${ha2}`))]);
  }
  if (challenge.opaque !== undefined) fields.push(['opaque', quote(challenge.opaque)]);
  if (challenge.algorithm) fields.push(['algorithm', challenge.algorithm]);
  return `Digest ${fields.map(([key, value]) => `${key}=${value}`).join(', ')}`;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

function digestParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params.set(match[1]!.toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!);
  }
  return params;
}
