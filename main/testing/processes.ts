import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

// util-linux (essential on Debian): makes the kernel kill the child when this
// process dies, even by SIGKILL (a vitest worker killed on timeout), which no
// 'exit' handler can cover. setpriv execs, so the child's pid stays the server's.
const SETPRIV = '/usr/bin/setpriv';

// Every child still running, killed when this process exits so that no server
// outlives the test run (and keeps a port or a temp dir busy).
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Spawns a server or client for a test, with stdout and stderr piped, that never outlives this process;
 * `input` goes to its stdin (a password, which a command line would show to every process).
 */
export function spawnTracked(command: string, args: string[], input?: string): ChildProcess {
  const [cmd, argv] = fs.existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', command, ...args]] : [command, args];
  const child = spawn(cmd, argv, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (input !== undefined) child.stdin!.end(input);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const running of live) running.kill('SIGKILL');
    });
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves once the child has exited: true when it did so within `timeoutMs`, false when it had to be SIGKILLed. */
export async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return true;
  return new Promise<boolean>((resolve) => {
    let inTime = true;
    const timer = setTimeout(() => {
      inTime = false;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(inTime);
    });
  });
}

/** A port the kernel just handed out on 127.0.0.1; free unless someone grabs it before the server binds it (callers retry). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address from listen(0)');
  return address.port;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
