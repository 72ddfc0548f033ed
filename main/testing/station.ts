import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import { CoreClient, type ClientTransport, type ServerMessage } from '../contract';

const CLI = path.resolve(import.meta.dirname, '../host/cli.ts');

/** A station's core as its own process (`vigil serve`), so tests can SIGKILL it. */
export type StationProcess = { url: string; child: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

export async function startStationProcess(options: {
  dataDir: string;
  broker: string;
  site: string;
  station: string;
  mqtt?: 4 | 5;
  /** Further `vigil serve` options (--username, --password-file, --cert, --key). */
  args?: string[];
  /** VIGIL_LOG_LEVEL; warn unless told. */
  logLevel?: string;
}): Promise<StationProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--broker', options.broker, '--site', options.site, '--data', options.dataDir, '--port', '0', '--station', options.station, '--mqtt', String(options.mqtt ?? 5), ...(options.args ?? [])],
    { env: { ...process.env, VIGIL_LOG_LEVEL: options.logLevel ?? 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start within 20 s:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving .* at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`station exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A contract client over the web host's WebSocket, as a browser window would hold. */
export function openClient(httpUrl: string): Promise<CoreClient> {
  const origin = new URL(httpUrl).origin;
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { origin });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => {
      const transport: ClientTransport = {
        send: (message) => socket.send(JSON.stringify(message)),
        onMessage: (listener) => {
          const handler = (data: WebSocket.RawData) => listener(JSON.parse(data.toString()) as ServerMessage);
          socket.on('message', handler);
          return () => socket.off('message', handler);
        },
        onClose: (listener) => (socket.on('close', listener), () => socket.off('close', listener)),
        close: () => socket.close(),
      };
      resolve(new CoreClient(transport));
    });
  });
}

/**
 * A station process of `site` on `broker`, and a client signed in as its
 * administrator: set up on the first start, signed in again after a restart
 * on the same data folder.
 */
export async function adminStation(
  options: Parameters<typeof startStationProcess>[0],
  admin: { username: string; password: string; displayName: string },
): Promise<{ process: StationProcess; client: CoreClient; token: string }> {
  const process = await startStationProcess(options);
  const client = await openClient(process.url);
  const { needsSetup } = await client.call('auth.status', {});
  const session = needsSetup
    ? await client.call('auth.setup', { ...admin, station: options.station })
    : await client.call('auth.signIn', { username: admin.username, password: admin.password, station: options.station });
  return { process, client, token: session.token };
}
