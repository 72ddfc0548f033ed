// A small, typed, promise-based face on the `onvif` package's Cam, with errors
// an operator can act on. Camera passwords never appear in a message.
import onvif from 'onvif';

export type OnvifTarget = {
  host: string;
  port: number;
  username: string;
  password: string;
  /** Path of the device service, as the camera announced it; /onvif/device_service when not given. */
  path?: string;
  /** https: the device service is on TLS. */
  secure?: boolean;
};
export type OnvifProfile = { token: string; name: string; encoding: string; width: number; height: number; ptz: boolean };
export type OnvifDeviceInfo = { manufacturer: string; model: string; firmwareVersion: string; serialNumber: string; hardwareId: string };
export type PtzVelocity = { x: number; y: number; zoom: number };
export type OnvifErrorKind = 'bad_credentials' | 'unreachable' | 'unsupported' | 'device_fault';

export class OnvifError extends Error {
  constructor(
    readonly kind: OnvifErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OnvifError';
  }
}

export type OnvifDevice = {
  info(): Promise<OnvifDeviceInfo>;
  profiles(): OnvifProfile[];
  streamUri(profileToken: string): Promise<string>;
  /** ContinuousMove; each axis from -1 to 1. The camera stops by itself after timeoutMs, if given. */
  move(profileToken: string, velocity: PtzVelocity, timeoutMs?: number): Promise<void>;
  stop(profileToken: string): Promise<void>;
  presets(profileToken: string): Promise<{ token: string; name: string }[]>;
  gotoPreset(profileToken: string, presetToken: string): Promise<void>;
};

type Callback = (err: Error | null, data?: unknown, xml?: string) => void;
type Answer = { data: unknown; xml: string };

const DEFAULT_TIMEOUT_MS = 5_000;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');

/**
 * Text of an element read from the raw reply. The package's parsed objects turn
 * "2.10" into 2.1 and "1.0" into 1, which would misreport firmware versions.
 */
function rawField(xml: string, name: string): string {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*?)?(?<!/)>([^<]*)</`).exec(xml);
  return match?.[1] === undefined ? '' : unescapeXml(match[1]).trim();
}

function rawPresets(xml: string): { token: string; name: string }[] {
  const presets: { token: string; name: string }[] = [];
  const pattern = /<(?:[\w.-]+:)?Preset\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?Preset>)/g;
  for (const [, attributes = '', inner = ''] of xml.matchAll(pattern)) {
    const token = /\btoken="([^"]*)"/.exec(attributes)?.[1];
    if (token !== undefined) presets.push({ token: unescapeXml(token), name: rawField(inner, 'Name') });
  }
  return presets;
}

function checkVelocity(velocity: PtzVelocity, timeoutMs: number | undefined): void {
  for (const axis of ['x', 'y', 'zoom'] as const) {
    const value = velocity[axis];
    if (!Number.isFinite(value) || value < -1 || value > 1) throw new RangeError(`PTZ velocity ${axis} must be from -1 to 1, not ${value}`);
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`PTZ move timeout must be a positive number of milliseconds, not ${timeoutMs}`);
  }
}

/** Sorts a failure from the package into something an operator can act on. */
function classify(target: OnvifTarget, timeoutMs: number, err: Error, xml: string | undefined): OnvifError {
  const where = `${target.host}:${target.port}`;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const scrub = (text: string) => (target.password ? text.split(target.password).join('***') : text);
  // Devices say ter:NotAuthorized in a SOAP fault (WS-Security) or answer 401 (HTTP digest).
  if (/NotAuthori[sz]ed|Sender not Authori[sz]ed|Digest authentication failed/i.test(`${err.message} ${xml ?? ''}`)) {
    return new OnvifError('bad_credentials', `the camera at ${where} refused the user name or password`);
  }
  if (UNREACHABLE_CODES.has(code)) return new OnvifError('unreachable', `the camera at ${where} could not be reached (${code})`);
  if (err.message === 'Network timeout') {
    return new OnvifError('unreachable', `the camera at ${where} did not answer within ${timeoutMs} ms`);
  }
  return new OnvifError('device_fault', `the camera at ${where} reported an error: ${scrub(err.message)}`);
}

/**
 * Connects (reads the camera's clock, services and profiles) and returns the
 * device. timeoutMs bounds each request; connecting takes four of them.
 */
export async function connectOnvif(target: OnvifTarget, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<OnvifDevice> {
  const cam = new onvif.Cam({
    hostname: target.host,
    port: target.port,
    username: target.username,
    password: target.password,
    path: target.path,
    useSecure: target.secure,
    timeout: timeoutMs,
    autoconnect: false,
  });
  const where = `${target.host}:${target.port}`;

  const call = (run: (done: Callback) => void) =>
    new Promise<Answer>((resolve, reject) => {
      try {
        run((err, data, xml) => (err ? reject(classify(target, timeoutMs, err, xml)) : resolve({ data, xml: xml ?? '' })));
      } catch (err) {
        // The package throws synchronously on some inputs, e.g. an empty profile token with no default profile.
        reject(classify(target, timeoutMs, err instanceof Error ? err : new Error(String(err)), undefined));
      }
    });

  // Cam.connect picks a default profile per video source and throws inside its
  // own reply handler when no profile names one (some NVRs and multi-sensor
  // cameras): the connect callback is then never called. We always name the
  // profile, so a camera without a default is fine.
  const pickDefaults = cam.getActiveSources.bind(cam);
  cam.getActiveSources = () => {
    try {
      pickDefaults();
    } catch {
      cam.activeSource = undefined;
    }
  };
  await call((done) => cam.connect(done));
  const profiles: OnvifProfile[] = (cam.profiles ?? []).map((p) => ({
    // The package turns numeric-looking tokens into numbers.
    token: String(p.$?.token ?? ''),
    name: String(p.name ?? ''),
    encoding: String(p.videoEncoderConfiguration?.encoding ?? ''),
    width: Number(p.videoEncoderConfiguration?.resolution?.width ?? 0),
    height: Number(p.videoEncoderConfiguration?.resolution?.height ?? 0),
    ptz: Boolean(p.PTZConfiguration) && Boolean(cam.uri?.ptz),
  }));

  /** Without a PTZ service the package would post to the path "ptz"; refuse here instead. */
  const requirePtz = (profileToken: string) => {
    if (!cam.uri?.ptz) throw new OnvifError('unsupported', `the camera at ${where} has no pan-tilt-zoom`);
    const profile = profiles.find((p) => p.token === profileToken);
    if (profile && !profile.ptz) throw new OnvifError('unsupported', `profile ${profileToken} of the camera at ${where} has no pan-tilt-zoom`);
  };

  return {
    async info() {
      const { xml } = await call((done) => cam.getDeviceInformation(done));
      const read = (name: string) => rawField(xml, name);
      return {
        manufacturer: read('Manufacturer'),
        model: read('Model'),
        firmwareVersion: read('FirmwareVersion'),
        serialNumber: read('SerialNumber'),
        hardwareId: read('HardwareId'),
      };
    },
    profiles: () => profiles.map((p) => ({ ...p })),
    async streamUri(profileToken) {
      const { xml } = await call((done) => cam.getStreamUri({ protocol: 'RTSP', profileToken }, done));
      const uri = rawField(xml, 'Uri');
      if (!uri) throw new OnvifError('device_fault', `the camera at ${where} gave no stream address for profile ${profileToken}`);
      return uri;
    },
    async move(profileToken, velocity, timeoutMs) {
      checkVelocity(velocity, timeoutMs);
      requirePtz(profileToken);
      const { x, y, zoom } = velocity;
      await call((done) => cam.continuousMove({ profileToken, x, y, zoom, ...(timeoutMs ? { timeout: timeoutMs } : {}) }, done));
    },
    async stop(profileToken) {
      requirePtz(profileToken);
      await call((done) => cam.stop({ profileToken, panTilt: true, zoom: true }, done));
    },
    async presets(profileToken) {
      requirePtz(profileToken);
      return rawPresets((await call((done) => cam.getPresets({ profileToken }, done))).xml);
    },
    async gotoPreset(profileToken, presetToken) {
      requirePtz(profileToken);
      await call((done) => cam.gotoPreset({ profileToken, preset: presetToken }, done));
    },
  };
}
