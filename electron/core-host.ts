import { dialog, MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { restartDelay } from './policy';
import type { SiteSecrets } from './secrets';

export type CoreLaunch = {
  /** out/core/utility.js */
  modulePath: string;
  /** Options for the core (data dir, site, native binding): never secrets. */
  env: Record<string, string>;
  /** Read again at every (re)start so a re-provisioned password is picked up. */
  secrets: () => SiteSecrets;
  logHint: string;
};

export type CoreHost = {
  /** Connects a window to the core after each load, reload and core restart, until it is destroyed. */
  attach(contents: WebContents, origin: string): void;
  /** Asks the core to close its store cleanly; kills it after a grace period. */
  stop(): Promise<void>;
};

/** A core that lived this long before exiting counts as a fresh failure, not part of a crash loop. */
const STABLE_MS = 60_000;
const STOP_GRACE_MS = 5_000;
/** After this many quick failures in a row, tell the operator instead of only retrying quietly. */
const TELL_AFTER = 3;

/**
 * Runs the core in a utilityProcess (a busy core never freezes a window) and
 * hands every window its own MessageChannel to it.
 */
export function startCore(launch: CoreLaunch): CoreHost {
  const loaded = new Map<WebContents, string>();
  let child: UtilityProcess | null = null;
  let stopping = false;
  let failures = 0;
  let told = false;
  let restartTimer: NodeJS.Timeout | null = null;

  function connect(contents: WebContents, origin: string): void {
    if (!child || contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ type: 'connect', origin }, [port1]);
    contents.postMessage('vigil:port', null, [port2]);
  }

  function spawn(): void {
    const startedAt = Date.now();
    const proc = utilityProcess.fork(launch.modulePath, [], { serviceName: 'Vigil core', env: launch.env, stdio: 'inherit' });
    child = proc;
    // parentPort queues messages until the core listens, so this arrives before any 'connect'.
    proc.postMessage({ type: 'secrets', secrets: launch.secrets() });
    proc.on('exit', (code) => {
      if (child === proc) child = null;
      if (stopping) return;
      failures = Date.now() - startedAt > STABLE_MS ? 0 : failures + 1;
      const delay = restartDelay(failures - 1);
      console.error(`Vigil core exited unexpectedly (code ${code}); restarting in ${delay} ms`);
      if (failures >= TELL_AFTER && !told) {
        told = true;
        dialog.showErrorBox('Vigil core keeps stopping', `The core restarted ${failures} times in a row and will keep trying. ${launch.logHint}`);
      }
      restartTimer = setTimeout(() => {
        restartTimer = null;
        spawn();
        // Each window's old port closed with the old core; its preload swaps in the new one.
        for (const [contents, origin] of loaded) connect(contents, origin);
      }, delay);
    });
  }

  spawn();

  return {
    attach(contents, origin) {
      // Only a loaded page has a preload listening for the port; a reload gets a fresh preload and a fresh port.
      contents.on('did-finish-load', () => {
        loaded.set(contents, origin);
        connect(contents, origin);
      });
      contents.once('destroyed', () => loaded.delete(contents));
    },
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill();
          resolve();
        }, STOP_GRACE_MS);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.postMessage({ type: 'shutdown' });
      });
    },
  };
}
