import fs from 'node:fs';

/**
 * The site a station belongs to, set by IT in `site.json` (in userData, or
 * the file named by `--site-config=`). No secrets here: the broker password
 * lives encrypted in secrets.ts. No file means the built-in demo park.
 */
export type SiteConfig = {
  id: string;
  name: string;
  brokerUrl: string;
  brokerUsername?: string;
};

/** Site ids are a topic level (vigil/v1/{site}/…): no '/', '+' or '#'. */
const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BROKER_PROTOCOLS = new Set(['mqtt:', 'mqtts:', 'ws:', 'wss:']);

/** Returns the config, or a sentence saying what is wrong with it. */
export function parseSiteConfig(json: unknown): SiteConfig | string {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return 'site config must be a JSON object';
  const { id, name, brokerUrl, brokerUsername } = json as Record<string, unknown>;
  if (typeof id !== 'string' || !SITE_ID.test(id)) return 'site config: "id" must be 1–64 letters, digits, "-" or "_"';
  if (name !== undefined && (typeof name !== 'string' || name.length > 128)) return 'site config: "name" must be a string of at most 128 characters';
  if (typeof brokerUrl !== 'string' || !isBrokerUrl(brokerUrl)) return 'site config: "brokerUrl" must be an mqtt://, mqtts://, ws:// or wss:// URL';
  if (brokerUsername !== undefined && (typeof brokerUsername !== 'string' || brokerUsername.length > 128)) {
    return 'site config: "brokerUsername" must be a string of at most 128 characters';
  }
  return { id, name: typeof name === 'string' && name ? name : id, brokerUrl, ...(brokerUsername ? { brokerUsername } : {}) };
}

function isBrokerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    // Credentials in the URL would end up in env and logs; they belong in secrets.
    return BROKER_PROTOCOLS.has(url.protocol) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Reads a site config file; null when there is none (demo mode); throws when it is unusable. */
export function readSiteConfig(file: string): SiteConfig | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = parseSiteConfig(JSON.parse(text));
  if (typeof parsed === 'string') throw new Error(`${file}: ${parsed}`);
  return parsed;
}

/** The value of `--name=value` in argv (Chromium's switch form; a separate value would read as the app path). */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
