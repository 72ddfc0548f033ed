import { randomBytes } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import type { Logger } from '../logging/logger';
import { authorization, readChallenge, type Challenge, type SignIn } from './rtsp-auth';
import { RtspFramer, header, serialize, type RtspPiece } from './rtsp-framing';

type Route = { origin: string; host: string; port: number; secure: boolean; signIn: SignIn };
type Request = { method: string; uri: string; headers: string[]; body: Buffer; answered: boolean };

const DEFAULT_PORT = { 'rtsp:': 554, 'rtsps:': 322 } as const;

/**
 * Keeps cameras' sign-ins off ffmpeg's command line, which any process on the
 * machine can read (`ps`, /proc/PID/cmdline). ffmpeg is given
 * rtsp://127.0.0.1:PORT/ROUTE/path instead of rtsp://user:password@camera/path;
 * the relay forwards its RTSP to the camera and answers the camera's 401 itself,
 * by Digest or Basic, so the password stays in the core. A route names a
 * camera's address and sign-in, not a stream: recordings and profiles of one
 * camera share it, and routes stay as many as there are cameras. Once a PLAY is
 * answered, the camera's bytes are passed on as they come; the officer's
 * requests (keep-alives, TEARDOWN) still get their Authorization on the way.
 *
 * A local process that reads a route off the command line can play that
 * camera's streams through this station while it runs; it never learns the
 * password, which is what opens the camera's settings and PTZ.
 */
export class RtspRelay {
  private readonly server = net.createServer((socket) => new RelayedConnection(socket, this, this.logger));
  private port: number | null = null;
  private readonly routes = new Map<string, Route>();
  private readonly byOrigin = new Map<string, string>();

  constructor(private readonly logger: Logger) {
    this.server.on('error', (error) => logger.error({ error: error.message }, 'RTSP relay failed'));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** The URL ffmpeg opens for `url` (rtsp:// or rtsps://, without user info) signed in as `signIn`. */
  route(url: string, signIn: SignIn): string {
    if (this.port === null) throw new Error('the RTSP relay has not started');
    const parsed = new URL(url);
    if (parsed.username || parsed.password) throw new Error('the RTSP relay takes the sign-in apart from the URL');
    const secure = parsed.protocol === 'rtsps:';
    if (!secure && parsed.protocol !== 'rtsp:') throw new Error(`the RTSP relay forwards rtsp:// and rtsps://, not ${parsed.protocol}//`);
    const origin = `${parsed.protocol}//${parsed.host}`;
    let token = this.byOrigin.get(origin);
    const known = token ? this.routes.get(token) : undefined;
    if (!token || !known || known.signIn.username !== signIn.username || known.signIn.password !== signIn.password) {
      // A changed sign-in gets a new route; a connection already open keeps the one it started with.
      if (token) this.routes.delete(token);
      token = randomBytes(16).toString('hex');
      this.byOrigin.set(origin, token);
      const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
      this.routes.set(token, { origin, host, port: Number(parsed.port) || DEFAULT_PORT[parsed.protocol as keyof typeof DEFAULT_PORT], secure, signIn: { ...signIn } });
    }
    return `rtsp://127.0.0.1:${this.port}/${token}${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
  }

  /** The route a request's URI names, and the URI as the camera must see it. */
  resolve(uri: string): { route: Route; uri: string } | null {
    const match = /^rtsp:\/\/127\.0\.0\.1:\d+\/([0-9a-f]{32})(.*)$/.exec(uri);
    const route = match ? this.routes.get(match[1]!) : undefined;
    return route ? { route, uri: `${route.origin}${match![2] || '/'}` } : null;
  }

  async close(): Promise<void> {
    if (this.port === null) return;
    this.port = null;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Connections still open end with the server (they end with their ffmpeg anyway). */
  track(socket: net.Socket): void {
    this.server.once('close', () => socket.destroy());
  }
}

/** One ffmpeg's control connection, and the camera connection behind it. */
class RelayedConnection {
  private readonly fromClient = new RtspFramer();
  private readonly fromCamera = new RtspFramer();
  private camera: net.Socket | null = null;
  private route: Route | null = null;
  private challenge: Challenge | null = null;
  private answered = 0;
  private readonly pending = new Map<string, Request>();
  /** After PLAY: the camera's bytes go straight through. */
  private streaming = false;

  constructor(
    private readonly client: net.Socket,
    private readonly relay: RtspRelay,
    private readonly logger: Logger,
  ) {
    relay.track(client);
    client.on('data', (chunk: Buffer) => this.guard(() => this.fromClient.push(chunk).forEach((piece) => this.onClientPiece(piece))));
    client.on('error', () => this.end());
    client.on('close', () => this.end());
  }

  private onClientPiece(piece: RtspPiece): void {
    if (piece.kind === 'frame') return void this.camera?.write(piece.raw);
    const [method = '', uri = ''] = piece.startLine.split(' ');
    const target = this.relay.resolve(uri);
    if (!this.route) {
      if (!target) return this.refuse(piece, '404 Not Found');
      this.connect(target.route);
    }
    const cseq = header(piece.headers, 'cseq') ?? '';
    // ffmpeg names later requests by the Content-Base the camera sent, which is already the camera's own URI.
    const request: Request = { method, uri: target?.uri ?? uri, headers: piece.headers.filter((line) => !/^authorization:/i.test(line)), body: piece.body, answered: false };
    this.pending.set(cseq, request);
    this.send(request);
  }

  private send(request: Request): void {
    const headers = [...request.headers];
    if (this.challenge) headers.push(`Authorization: ${authorization(this.challenge, this.route!.signIn, request.method, request.uri, ++this.answered)}`);
    this.camera!.write(serialize(`${request.method} ${request.uri} RTSP/1.0`, headers, request.body));
  }

  private onCameraData(chunk: Buffer): void {
    if (this.streaming) return void this.client.write(chunk);
    for (const piece of this.fromCamera.push(chunk)) {
      if (piece.kind === 'frame') {
        this.client.write(piece.raw);
        continue;
      }
      const cseq = header(piece.headers, 'cseq') ?? '';
      const request = this.pending.get(cseq);
      const status = Number(piece.startLine.split(' ')[1]);
      if (status === 401 && request && !request.answered) {
        // Answer the challenge and ask again under the same CSeq; ffmpeg never sees the 401. A second 401 goes
        // through: the sign-in is wrong, and ffmpeg's error says so.
        const challenge = readChallenge(piece.headers);
        if (challenge) {
          request.answered = true;
          this.challenge = challenge;
          this.answered = 0;
          this.send(request);
          continue;
        }
      }
      this.pending.delete(cseq);
      this.client.write(serialize(piece.startLine, piece.headers, piece.body));
      if (request?.method === 'PLAY' && status >= 200 && status < 300) {
        this.streaming = true;
        this.client.write(this.fromCamera.drain());
        return;
      }
    }
  }

  private connect(route: Route): void {
    this.route = route;
    const options = { host: route.host, port: route.port };
    const camera = route.secure ? tls.connect({ ...options, servername: net.isIP(route.host) ? undefined : route.host }) : net.connect(options);
    this.camera = camera;
    camera.on('data', (chunk: Buffer) => this.guard(() => this.onCameraData(chunk)));
    camera.on('error', (error) => {
      // Said to ffmpeg as the answer to what it asked, so its error (and the log) names the reason.
      const cseq = [...this.pending.keys()][0];
      if (cseq !== undefined && !this.streaming) this.client.write(`RTSP/1.0 503 Camera unreachable (${error.message.replace(/[\r\n]/g, ' ')})\r\nCSeq: ${cseq}\r\n\r\n`);
      this.end();
    });
    camera.on('close', () => this.end());
  }

  private refuse(piece: Extract<RtspPiece, { kind: 'message' }>, status: string): void {
    this.client.end(`RTSP/1.0 ${status}\r\nCSeq: ${header(piece.headers, 'cseq') ?? 0}\r\n\r\n`);
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'RTSP relay: a connection sent what is not RTSP; closed');
      this.end();
    }
  }

  private end(): void {
    this.client.end();
    this.camera?.destroy();
  }
}
