// A real MQTT broker for tests: Debian's mosquitto, started by the test itself
// on a free port with a config written here (DESIGN.md §5 "Test rig").
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, hasExited, sleep, spawnTracked, waitForExit } from './processes';

const MOSQUITTO = '/usr/sbin/mosquitto';
const MOSQUITTO_SUB = '/usr/bin/mosquitto_sub';
const MOSQUITTO_PASSWD = '/usr/bin/mosquitto_passwd';
// coreutils: mosquitto_sub's stdout is block-buffered on a pipe, so without
// line buffering its lines (the SUBACK above all) arrive late, in batches.
const STDBUF = '/usr/bin/stdbuf';

const READY_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

export type MosquittoAuth = { username: string; password: string };

export type MosquittoOptions = {
  /**
   * `autosave_interval`: seconds between saves of the in-memory store, or, with
   * `autosaveOnChanges`, the number of changes between saves. Default 1800,
   * mosquitto's own: a broker killed with SIGKILL loses what it has not saved.
   */
  autosaveInterval?: number;
  /**
   * `autosave_on_changes`: count changes instead of seconds; with
   * `autosaveInterval: 1` the store is saved after every change. What crash
   * tests want: a time-based `autosaveInterval: 1` is only checked when the
   * broker's loop wakes, in whole seconds, and a SIGKILL 1.5 s after the last
   * message still lost everything in one of two runs here.
   */
  autosaveOnChanges?: boolean;
  /**
   * `max_queued_messages`. Default 0 (unlimited), not mosquitto's 1000: beyond
   * that mosquitto silently drops QoS 1 messages queued for a slow or offline
   * persistent subscriber, and lossless tests would lose messages.
   */
  maxQueuedMessages?: number;
  /** `max_inflight_messages`; default 20, mosquitto's own. */
  maxInflightMessages?: number;
  /** Require this user name and password instead of allowing anonymous clients. */
  auth?: MosquittoAuth;
  /** `log_type all` (every packet) instead of error, warning, notice and information; costs CPU in benchmarks. */
  verboseLog?: boolean;
  /** Further config lines, appended as they are. */
  extraConfig?: string[];
};

export type Broker = {
  /** mqtt://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** The temporary folder holding the config, the store (mosquitto.db) and the log. */
  readonly dir: string;
  readonly auth: MosquittoAuth | undefined;
  readonly running: boolean;
  /** The broker's log file, followed by anything it wrote to stdout or stderr (e.g. when the log file cannot be opened). */
  log(): string;
  /** SIGTERM and wait for the exit: mosquitto saves its store on SIGTERM. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit: whatever was not autosaved is lost, as in a crash. */
  kill(): Promise<void>;
  /** Start again (stopping first if running) on the same port with the same config and store. */
  restart(): Promise<void>;
  /** Stop if running and remove the folder. */
  close(): Promise<void>;
};

/** Waits for the child's exit; one that needed a SIGKILL after EXIT_TIMEOUT_MS is an error. */
async function exited(child: ChildProcess): Promise<void> {
  if (!(await waitForExit(child, EXIT_TIMEOUT_MS))) throw new Error(`process ${child.pid} did not exit within ${EXIT_TIMEOUT_MS} ms; killed`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function configText(port: number, dir: string, options: MosquittoOptions): string {
  const lines = [
    `listener ${port} 127.0.0.1`,
    ...(options.auth ? ['allow_anonymous false', `password_file ${path.join(dir, 'passwd')}`] : ['allow_anonymous true']),
    'persistence true',
    // mosquitto appends the file name to this string as is: without the slash
    // the store would be written next to the folder, not in it.
    `persistence_location ${dir}/`,
    `autosave_interval ${options.autosaveInterval ?? 1800}`,
    `autosave_on_changes ${options.autosaveOnChanges ? 'true' : 'false'}`,
    `max_queued_messages ${options.maxQueuedMessages ?? 0}`,
    `max_inflight_messages ${options.maxInflightMessages ?? 20}`,
    `log_dest file ${path.join(dir, 'mosquitto.log')}`,
    ...(options.verboseLog ? ['log_type all'] : ['log_type error', 'log_type warning', 'log_type notice', 'log_type information']),
    // Started as root (as CI runs) mosquitto otherwise drops to user
    // `mosquitto`, cannot write its store (or its log) into our root-owned 0700
    // temp dir, and a restart then silently loses every queued message. As any
    // other user the line is a no-op.
    `user ${os.userInfo().username}`,
    ...(options.extraConfig ?? []),
  ];
  return lines.join('\n') + '\n';
}

type Attempt = { child: ChildProcess; output: () => string };

/**
 * Starts mosquitto on `port` and waits until it accepts connections and has
 * logged that it is running; `null` if the port is taken.
 */
async function launch(port: number, conf: string, readLog: () => string): Promise<Attempt | null> {
  let output = '';
  // Only what this process logs counts: earlier runs share the log file.
  const logStart = readLog().length;
  const newLog = () => readLog().slice(logStart) + output;
  const child = spawnTracked(MOSQUITTO, ['-c', conf]);
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    // Whoever holds the port answers the probe, even when that is not our
    // broker (it then logs "Address already in use" and exits a moment later),
    // so the probe alone proves nothing: mosquitto logs "running" only once
    // its listeners are open.
    const connected = await canConnect(port);
    if (hasExited(child)) {
      const text = newLog();
      if (/address already in use/i.test(text)) return null;
      const error = await Promise.race([spawnError, sleep(10).then(() => null)]);
      throw new Error(`mosquitto exited during start-up (${child.exitCode ?? child.signalCode})${error ? `: ${error.message}` : ''}\n${tail(text)}`);
    }
    if (connected && /mosquitto version \S+ running/.test(newLog())) return { child, output: () => output };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited(child).catch(() => undefined);
      throw new Error(`mosquitto did not accept connections on port ${port} within ${READY_TIMEOUT_MS} ms\n${tail(newLog())}`);
    }
    await sleep(50);
  }
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Broker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  const logFile = path.join(dir, 'mosquitto.log');
  const readLog = () => {
    try {
      return fs.readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const auth = options.auth;

  let port = 0;
  let current: Attempt | null = null;
  try {
    if (auth) {
      const result = spawnSync(MOSQUITTO_PASSWD, ['-c', '-b', path.join(dir, 'passwd'), auth.username, auth.password], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`mosquitto_passwd failed: ${result.stderr || result.error?.message}`);
    }
    // The port we picked may be taken before mosquitto binds it: pick another.
    for (let i = 0; i < 5 && !current; i++) {
      port = await freePort();
      fs.writeFileSync(conf, configText(port, dir, options));
      current = await launch(port, conf, readLog);
    }
    if (!current) throw new Error(`mosquitto found no free port after 5 attempts\n${tail(readLog())}`);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const isRunning = () => current !== null && !hasExited(current.child);
  const signal = async (name: 'SIGTERM' | 'SIGKILL') => {
    if (!current) return;
    if (!hasExited(current.child)) current.child.kill(name);
    await exited(current.child);
  };
  let closed = false;

  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    auth,
    get running() {
      return isRunning();
    },
    log: () => readLog() + (current?.output() ?? ''),
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    async restart() {
      if (closed) throw new Error('broker closed');
      await signal('SIGTERM');
      // The port is free only while nobody else grabs it; another process may
      // hold it for a moment (mosquitto's SO_REUSEADDR covers TIME_WAIT only).
      for (let i = 0; i < 10; i++) {
        const next = await launch(port, conf, readLog);
        if (next) {
          current = next;
          return;
        }
        await sleep(200);
      }
      throw new Error(`mosquitto could not bind port ${port} again\n${tail(readLog())}`);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await signal('SIGTERM');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export type MosquittoSubOptions = {
  topic: string | string[];
  /** Default 1. */
  qos?: 0 | 1 | 2;
  /** Default: a fresh id per subscriber. */
  clientId?: string;
  /** Default true; false asks for a persistent session (`-c`, never expiring). */
  clean?: boolean;
};

export type MosquittoSub = {
  readonly clientId: string;
  /** Messages received so far (redeliveries included). */
  count(): number;
  /** Resolves once `count() >= n`; rejects after `timeoutMs` (default 10 s) or if mosquitto_sub exits. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  /** SIGTERM (mosquitto_sub then disconnects cleanly) and wait for the exit. */
  stop(): Promise<void>;
};

let subCounter = 0;

/**
 * mosquitto_sub as an independent reference subscriber (MQTT v5), counting
 * messages as they arrive. Resolves once the broker has acknowledged the
 * subscription, so messages published afterwards are all counted.
 */
export async function mosquittoSub(broker: Broker, options: MosquittoSubOptions): Promise<MosquittoSub> {
  const clientId = options.clientId ?? `vigil-sub-${process.pid}-${++subCounter}`;
  const topics = Array.isArray(options.topic) ? options.topic : [options.topic];
  const args = [
    ...['-h', '127.0.0.1', '-p', String(broker.port), '-V', 'mqttv5', '-i', clientId, '-q', String(options.qos ?? 1)],
    ...topics.flatMap((topic) => ['-t', topic]),
    ...(options.clean === false ? ['-c'] : []),
    ...(broker.auth ? ['-u', broker.auth.username, '-P', broker.auth.password] : []),
    // -d prints one "received PUBLISH" line per message, whatever the payload
    // holds (a payload's own newlines would skew a count of printed payloads),
    // and the SUBACK that tells us the subscription is in place.
    '-d',
    '-F',
    '%t',
  ];
  const child = fs.existsSync(STDBUF) ? spawnTracked(STDBUF, ['-oL', MOSQUITTO_SUB, ...args]) : spawnTracked(MOSQUITTO_SUB, args);

  let received = 0;
  let output = '';
  let pending = '';
  let subscribed = false;
  const changed = new Set<() => void>();
  const notify = () => {
    for (const listener of changed) listener();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('Client ') && line.includes(' received PUBLISH ')) received++;
      else if (line.startsWith('Subscribed (mid:')) {
        // "Subscribed (mid: 1): 1, 128": granted QoS per topic; 128 and up is a refusal.
        const refused = (line.split('):')[1] ?? '').split(',').some((code) => Number(code) >= 128);
        if (!refused) subscribed = true;
        else {
          output += `${line}\n`;
          child.kill('SIGTERM'); // waiters then fail at once with this line
        }
      }
      else if (!subscribed) output = (output + line + '\n').slice(-OUTPUT_LIMIT);
    }
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  });
  child.once('exit', notify);
  child.once('error', (error) => {
    output += `${error.message}\n`;
    notify();
  });

  const until = (done: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (done()) finish();
        else if (hasExited(child)) finish(new Error(`mosquitto_sub exited (${child.exitCode ?? child.signalCode}) before ${what}\n${tail(output)}`));
      };
      const timer = setTimeout(() => finish(new Error(`mosquitto_sub: no ${what} within ${timeoutMs} ms (count ${received})\n${tail(output)}`)), timeoutMs);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        changed.delete(check);
        if (error) reject(error);
        else resolve();
      };
      changed.add(check);
      check();
    });

  const stop = async () => {
    if (!hasExited(child)) child.kill('SIGTERM');
    await exited(child);
  };
  try {
    await until(() => subscribed, 'SUBACK', READY_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    clientId,
    count: () => received,
    waitFor: (n, timeoutMs = 10_000) => until(() => received >= n, `${n} messages`, timeoutMs),
    stop,
  };
}
