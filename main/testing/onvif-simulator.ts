// An ONVIF camera for tests and the demo park (Profile S: Device, Media and PTZ services) on
// node:http. It answers the requests the `onvif` package makes on connect and
// for streams and PTZ, checks every WS-Security UsernameToken digest like a
// real device, and records the PTZ commands it was sent.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type OnvifSimulatorOptions = {
  username: string;
  password: string;
  streams: { main: string; sub: string };
  manufacturer?: string;
  model?: string;
  presets?: { token: string; name: string }[];
  /** Default true; false makes a fixed camera: no PTZ service, no PTZ configuration. */
  ptz?: boolean;
  /** Source the profiles name; default the camera's one video source. Some NVRs name another, which stalls a stock Cam.connect. */
  profileSourceToken?: string;
  /** How far the camera's clock is from ours; default 0. Tokens are checked against the camera's clock. */
  clockSkewMs?: number;
};

export type OnvifSimulatorState = {
  /** Every action received, in order, and whether it was let through. */
  requests: { action: string; service: Service; accepted: boolean }[];
  moves: { profileToken: string; x: number; y: number; zoom: number; timeout: string | null }[];
  stops: { profileToken: string }[];
  presetGotos: { profileToken: string; presetToken: string }[];
};

export type OnvifSimulator = { host: string; port: number; url: string; state: OnvifSimulatorState; close(): Promise<void> };

type Service = 'device' | 'media' | 'ptz';
type Reply = { status: number; body: string };

const NS = {
  env: 'http://www.w3.org/2003/05/soap-envelope',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  trt: 'http://www.onvif.org/ver10/media/wsdl',
  tptz: 'http://www.onvif.org/ver20/ptz/wsdl',
  tt: 'http://www.onvif.org/ver10/schema',
  ter: 'http://www.onvif.org/ver10/error',
};
const PATHS: Record<Service, string> = { device: '/onvif/device_service', media: '/onvif/media_service', ptz: '/onvif/ptz_service' };
/** Replay protection as on Axis and Hikvision cameras: a token created further than this from the camera's clock is refused. */
const TOKEN_WINDOW_MS = 5 * 60_000;
/** What the state keeps of each kind, newest last: the demo park runs one of these for days. */
const RECORD_LIMIT = 1_000;
const remember = <T>(list: T[], entry: T) => {
  list.push(entry);
  if (list.length > RECORD_LIMIT) list.splice(0, list.length - RECORD_LIMIT);
};
const PROFILES = [
  { token: 'profile_main', name: 'mainStream', stream: 'main', width: 1920, height: 1080, bitrate: 4096 },
  { token: 'profile_sub', name: 'subStream', stream: 'sub', width: 640, height: 360, bitrate: 512 },
] as const;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');

/** Text of the first element with this local name, whatever its prefix. */
function field(xml: string, name: string): string | null {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>([^<]*)</`).exec(xml);
  return match?.[1] === undefined ? null : unescapeXml(match[1]);
}

/** Attribute of the first element with this local name. */
function attribute(xml: string, element: string, name: string): string | null {
  const tag = new RegExp(`<(?:[\\w.-]+:)?${element}\\b([^>]*)>`).exec(xml)?.[1] ?? '';
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? null : unescapeXml(value);
}

const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><env:Envelope ${Object.entries(NS)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(' ')}><env:Body>${body}</env:Body></env:Envelope>`;
const ok = (body: string): Reply => ({ status: 200, body: envelope(body) });

/** A SOAP 1.2 fault as ONVIF Core §5.11 lays it out: sender faults are HTTP 400, receiver faults 500. */
function fault(code: 'Sender' | 'Receiver', subcodes: string[], reason: string): Reply {
  const nested = subcodes.reduceRight((inner, sub) => `<env:Subcode><env:Value>${sub}</env:Value>${inner}</env:Subcode>`, '');
  const body = `<env:Fault><env:Code><env:Value>env:${code}</env:Value>${nested}</env:Code><env:Reason><env:Text xml:lang="en">${reason}</env:Text></env:Reason></env:Fault>`;
  return { status: code === 'Sender' ? 400 : 500, body: envelope(body) };
}

/** PasswordDigest = Base64(SHA1(nonce + created + password)), WS-Security UsernameToken Profile 1.0 §3.1. */
function passwordDigest(nonceBase64: string, created: string, password: string): string {
  const input = Buffer.concat([Buffer.from(nonceBase64, 'base64'), Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]);
  return createHash('sha1').update(input).digest('base64');
}

function authorized(xml: string, options: OnvifSimulatorOptions, now: number): boolean {
  const [username, digest, nonce, created] = ['Username', 'Password', 'Nonce', 'Created'].map((name) => field(xml, name));
  if (username !== options.username || !digest || !nonce || !created) return false;
  if (!attribute(xml, 'Password', 'Type')?.endsWith('#PasswordDigest')) return false;
  if (!(Math.abs(Date.parse(created) - now) <= TOKEN_WINDOW_MS)) return false;
  const expected = Buffer.from(passwordDigest(nonce, created, options.password));
  const given = Buffer.from(digest);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function startOnvifSimulator(options: OnvifSimulatorOptions): Promise<OnvifSimulator> {
  const state: OnvifSimulatorState = { requests: [], moves: [], stops: [], presetGotos: [] };
  const hasPtz = options.ptz ?? true;
  const presets = options.presets ?? [];
  let base = '';
  const deviceNow = () => Date.now() + (options.clockSkewMs ?? 0);
  /** A handler for a request about one profile; an unknown token gets the fault the Media and PTZ specs name. */
  const forProfile = (run: (profile: (typeof PROFILES)[number], xml: string) => Reply) => (xml: string) => {
    const profile = PROFILES.find((p) => p.token === field(xml, 'ProfileToken'));
    return profile ? run(profile, xml) : fault('Sender', ['ter:InvalidArgVal', 'ter:NoProfile'], 'The requested profile token does not exist');
  };

  const service = (namespace: string, path: string) =>
    `<tds:Service><tds:Namespace>${namespace}</tds:Namespace><tds:XAddr>${base}${path}</tds:XAddr>` +
    `<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>`;
  const profileXml = (p: (typeof PROFILES)[number]) =>
    `<trt:Profiles token="${p.token}" fixed="true"><tt:Name>${p.name}</tt:Name>` +
    `<tt:VideoSourceConfiguration token="vsc_1"><tt:Name>VideoSource</tt:Name><tt:UseCount>2</tt:UseCount>` +
    `<tt:SourceToken>${escapeXml(options.profileSourceToken ?? 'video_source_1')}</tt:SourceToken><tt:Bounds x="0" y="0" width="1920" height="1080"/></tt:VideoSourceConfiguration>` +
    `<tt:VideoEncoderConfiguration token="vec_${p.stream}"><tt:Name>${p.name}</tt:Name><tt:UseCount>1</tt:UseCount>` +
    `<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>${p.width}</tt:Width><tt:Height>${p.height}</tt:Height></tt:Resolution>` +
    `<tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval>` +
    `<tt:BitrateLimit>${p.bitrate}</tt:BitrateLimit></tt:RateControl><tt:H264><tt:GovLength>50</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>` +
    `<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>` +
    (hasPtz
      ? `<tt:PTZConfiguration token="ptz_1"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount><tt:NodeToken>ptz_node_1</tt:NodeToken>` +
        `<tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout></tt:PTZConfiguration>`
      : '') +
    `</trt:Profiles>`;

  const handlers: Record<string, { service: Service; run: (xml: string) => Reply }> = {
    GetSystemDateAndTime: {
      service: 'device',
      run: () => {
        const t = new Date(deviceNow());
        const time = `<tt:Time><tt:Hour>${t.getUTCHours()}</tt:Hour><tt:Minute>${t.getUTCMinutes()}</tt:Minute><tt:Second>${t.getUTCSeconds()}</tt:Second></tt:Time>`;
        const date = `<tt:Date><tt:Year>${t.getUTCFullYear()}</tt:Year><tt:Month>${t.getUTCMonth() + 1}</tt:Month><tt:Day>${t.getUTCDate()}</tt:Day></tt:Date>`;
        return ok(
          `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>` +
            `<tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone><tt:UTCDateTime>${time}${date}</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`,
        );
      },
    },
    GetServices: {
      service: 'device',
      run: () =>
        ok(
          `<tds:GetServicesResponse>${service(NS.tds, PATHS.device)}${service(NS.trt, PATHS.media)}` +
            `${hasPtz ? service(NS.tptz, PATHS.ptz) : ''}</tds:GetServicesResponse>`,
        ),
    },
    GetCapabilities: {
      service: 'device',
      run: () =>
        ok(
          `<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>${base}${PATHS.device}</tt:XAddr></tt:Device>` +
            `<tt:Media><tt:XAddr>${base}${PATHS.media}</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>` +
            `<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>` +
            `${hasPtz ? `<tt:PTZ><tt:XAddr>${base}${PATHS.ptz}</tt:XAddr></tt:PTZ>` : ''}</tds:Capabilities></tds:GetCapabilitiesResponse>`,
        ),
    },
    GetDeviceInformation: {
      service: 'device',
      run: () =>
        ok(
          `<tds:GetDeviceInformationResponse><tds:Manufacturer>${escapeXml(options.manufacturer ?? 'Vigil')}</tds:Manufacturer>` +
            `<tds:Model>${escapeXml(options.model ?? 'Simulated PTZ Dome')}</tds:Model><tds:FirmwareVersion>2.10</tds:FirmwareVersion>` +
            `<tds:SerialNumber>0042</tds:SerialNumber><tds:HardwareId>1.0</tds:HardwareId></tds:GetDeviceInformationResponse>`,
        ),
    },
    GetVideoSources: {
      service: 'media',
      run: () =>
        ok(
          `<trt:GetVideoSourcesResponse><trt:VideoSources token="video_source_1"><tt:Framerate>25</tt:Framerate>` +
            `<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>`,
        ),
    },
    GetProfiles: { service: 'media', run: () => ok(`<trt:GetProfilesResponse>${PROFILES.map(profileXml).join('')}</trt:GetProfilesResponse>`) },
    GetStreamUri: {
      service: 'media',
      run: forProfile((profile) =>
        ok(
          `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>${escapeXml(options.streams[profile.stream])}</tt:Uri>` +
            `<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>` +
            `<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>`,
        ),
      ),
    },
    ContinuousMove: {
      service: 'ptz',
      run: forProfile((profile, xml) => {
        const axis = (element: string) => Number(attribute(xml, element, 'x') ?? 0);
        const y = Number(attribute(xml, 'PanTilt', 'y') ?? 0);
        remember(state.moves, { profileToken: profile.token, x: axis('PanTilt'), y, zoom: axis('Zoom'), timeout: field(xml, 'Timeout') });
        return ok('<tptz:ContinuousMoveResponse/>');
      }),
    },
    Stop: {
      service: 'ptz',
      run: forProfile((profile) => {
        remember(state.stops, { profileToken: profile.token });
        return ok('<tptz:StopResponse/>');
      }),
    },
    GetPresets: {
      service: 'ptz',
      run: forProfile(() => {
        const list = presets.map((p) => `<tptz:Preset token="${escapeXml(p.token)}"><tt:Name>${escapeXml(p.name)}</tt:Name></tptz:Preset>`);
        return ok(`<tptz:GetPresetsResponse>${list.join('')}</tptz:GetPresetsResponse>`);
      }),
    },
    GotoPreset: {
      service: 'ptz',
      run: forProfile((profile, xml) => {
        const presetToken = field(xml, 'PresetToken') ?? '';
        if (!presets.some((p) => p.token === presetToken)) return fault('Sender', ['ter:InvalidArgVal', 'ter:NoToken'], 'No such preset');
        remember(state.presetGotos, { profileToken: profile.token, presetToken });
        return ok('<tptz:GotoPresetResponse/>');
      }),
    },
  };

  function answer(path: string, xml: string): Reply {
    const afterBody = xml.split(/<(?:[\w.-]+:)?Body\b[^>]*>/)[1] ?? '';
    const action = /<(?:[\w.-]+:)?([\w.-]+)/.exec(afterBody)?.[1] ?? '';
    const handler = handlers[action];
    const service = (Object.keys(PATHS) as Service[]).find((s) => PATHS[s] === path) ?? 'device';
    // Devices answer GetSystemDateAndTime to anyone: clients need the camera's clock to sign their tokens.
    const accepted = action === 'GetSystemDateAndTime' || authorized(xml, options, deviceNow());
    remember(state.requests, { action, service, accepted });
    if (!accepted) return fault('Sender', ['ter:NotAuthorized'], 'Sender not Authorized');
    if (!handler || handler.service !== service || (service === 'ptz' && !hasPtz)) {
      return fault('Receiver', ['ter:ActionNotSupported'], `${action || 'This request'} is not supported by the ${service} service`);
    }
    return handler.run(xml);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = req.method === 'POST' ? answer(req.url ?? '', Buffer.concat(chunks).toString('utf8')) : { status: 405, body: '' };
      res.writeHead(reply.status, { 'Content-Type': 'application/soap+xml; charset=utf-8' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { host: '127.0.0.1', port, url: `${base}${PATHS.device}`, state, close };
}
