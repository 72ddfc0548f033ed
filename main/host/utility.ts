import type { CoreTransport, ServerMessage } from '../contract';
import { createLogger } from '../logging/logger';
import { stationLogger } from '../logging/log-files';
import { startStation, type SiteConfig, type Station } from './station';

/*
 * The core's entry point inside Electron's utilityProcess (built to
 * out/core/utility.js). Plain Node semantics: main/ never imports Electron, so
 * the little of its API used here is typed locally.
 *
 * From the shell (electron/core-host.ts), in this order:
 *   {type:'secrets', secrets}   decrypted site secrets and the data key: never env or argv
 *   {type:'connect', origin}    with a MessagePortMain to one window
 *   {type:'shutdown'}           close the store cleanly, then exit
 * Options (data dir, site, native binding) arrive as VIGIL_* env variables.
 */

type PortMessageEvent = { data: unknown };
type WindowPort = {
  on(event: 'message', listener: (event: PortMessageEvent) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
};
type ParentMessageEvent = { data: unknown; ports: WindowPort[] };
type ParentPort = { on(event: 'message', listener: (event: ParentMessageEvent) => void): void };

type Secrets = { brokerPassword?: string; dataKey?: string };
type HostMessage = { type: 'secrets'; secrets?: Secrets } | { type: 'connect'; origin: string } | { type: 'shutdown' };

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  process.stderr.write('out/core/utility.js runs inside Electron’s utilityProcess; in plain Node use out/core/cli.js\n');
  process.exit(2);
}

// Packaged apps have no terminal: the logs also go to DATA/logs (size-capped), where the diagnostics bundle takes them from.
const logged = process.env.VIGIL_DATA_DIR ? stationLogger(process.env.VIGIL_DATA_DIR) : null;
const logger = logged?.logger ?? createLogger();
// A log folder that cannot be written must not keep the station from running; stderr still has every line.
logged?.files.catch((error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'log files unavailable'));
/** The shell sends secrets first thing; a missing message must not keep the station from starting. */
const SECRETS_WAIT_MS = 5_000;

function portTransport(port: WindowPort): CoreTransport {
  const messageListeners = new Set<(message: unknown) => void>();
  const closeListeners = new Set<() => void>();
  port.on('message', (event) => {
    for (const listener of messageListeners) listener(event.data);
  });
  port.on('close', () => {
    for (const listener of closeListeners) listener();
  });
  return {
    // Video is copied out of Node's pooled buffers, or the clone would carry the whole pool.
    send: (message: ServerMessage) => port.postMessage(message.t === 'video' ? { ...message, data: new Uint8Array(message.data) } : message),
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: () => port.close(),
  };
}

async function start(secrets: Secrets): Promise<Station> {
  const env = process.env;
  const dataDir = env.VIGIL_DATA_DIR;
  if (!dataDir) throw new Error('VIGIL_DATA_DIR is not set');
  const site: SiteConfig | null = env.VIGIL_BROKER_URL
    ? {
        id: env.VIGIL_SITE_ID ?? '',
        name: env.VIGIL_SITE_NAME ?? env.VIGIL_SITE_ID ?? '',
        // One URL, or several separated by commas in fail-over order.
        brokers: env.VIGIL_BROKER_URL.split(',').map((url) => url.trim()),
        username: env.VIGIL_BROKER_USERNAME,
        password: secrets.brokerPassword,
      }
    : null;
  // The key that seals secrets in the database, kept in the OS keystore; without one (no keystore) the core keeps DATA/secrets.key.
  const secretKey = secrets.dataKey ? Buffer.from(secrets.dataKey, 'base64') : undefined;
  const station = await startStation({ dataDir, site, logger, nativeBinding: env.VIGIL_SQLITE_BINDING, secretKey });
  logger.info({ site: station.siteName, demo: !site, dataDir }, 'core started in utilityProcess');
  return station;
}

let resolveSecrets: (secrets: Secrets) => void = () => {};
const secretsArrived = new Promise<Secrets>((resolve) => {
  resolveSecrets = resolve;
  setTimeout(() => resolve({}), SECRETS_WAIT_MS).unref();
});
const station = secretsArrived.then(start);
station.catch((error: unknown) => {
  // The shell restarts the core with back-off and tells the operator if it keeps failing.
  logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'core failed to start');
  process.exit(1);
});

async function shutdown(): Promise<void> {
  try {
    await (await station).stop();
  } finally {
    process.exit(0);
  }
}

parentPort.on('message', (event) => {
  const message = event.data as HostMessage;
  switch (message.type) {
    case 'secrets':
      resolveSecrets(message.secrets ?? {});
      break;
    case 'connect': {
      const port = event.ports[0];
      if (!port) break;
      // The port queues the window's calls until start(), so nothing is lost while the store opens.
      void station.then(({ core }) => {
        core.connect(portTransport(port), message.origin);
        port.start();
      });
      break;
    }
    case 'shutdown':
      void shutdown();
      break;
    default: {
      // Only the shell can post here, but a mismatched build could send something new.
      const unexpected: never = message;
      logger.warn({ type: (unexpected as { type?: unknown }).type }, 'unknown message from the shell');
    }
  }
});
