import type { CallMessage, ServerMessage, VigilBridge } from '../main/contract';
import { checkCall } from './validate';

/** The few things the bridge needs from a renderer MessagePort; a plain object in tests. */
export type BridgePort = {
  postMessage(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
  close(): void;
};

export type Bridge = Omit<VigilBridge, 'openWindows'> & {
  /** Takes the port from the shell: the first one, or a new one after a reload of the core. */
  attach(port: BridgePort): void;
};

/** Calls sent before the port arrives (or while the core restarts) wait here, up to this many. */
const QUEUE_LIMIT = 1_000;

/**
 * window.vigil's logic, free of Electron so it can be tested: validates and
 * queues outgoing calls, and answers every call that can no longer be answered
 * by the core so the renderer's promises settle.
 */
export function createBridge(warn: (text: string) => void = () => {}): Bridge {
  let port: BridgePort | null = null;
  const queue: CallMessage[] = [];
  /** Calls posted on the current port and not yet answered. */
  const pending = new Set<number>();
  const listeners = new Set<(message: ServerMessage) => void>();
  const linkListeners = new Set<(state: 'open' | 'closed') => void>();
  const announce = (state: 'open' | 'closed') => {
    for (const listener of linkListeners) listener(state);
  };

  function deliver(message: ServerMessage): void {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        warn(`vigil: a message listener threw: ${String(error)}`);
      }
    }
  }

  function fail(id: number, message: string): void {
    deliver({ t: 'result', id, ok: false, error: { code: 'internal', message } });
  }

  function failPending(): void {
    const ids = [...pending];
    pending.clear();
    for (const id of ids) fail(id, 'the core stopped before answering; the call may or may not have taken effect');
  }

  function post(current: BridgePort, message: CallMessage): void {
    pending.add(message.id);
    current.postMessage(message);
  }

  return {
    send(message) {
      const checked = checkCall(message);
      if (!checked.ok) {
        warn(`vigil: ${checked.error.message}`);
        if (checked.id !== null) deliver({ t: 'result', id: checked.id, ok: false, error: checked.error });
        return;
      }
      if (port) return post(port, checked.message);
      if (queue.length >= QUEUE_LIMIT) return fail(checked.message.id, 'too many calls are waiting for the core to connect');
      queue.push(checked.message);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onLink(listener) {
      linkListeners.add(listener);
      // A late subscriber still learns that the core is already there.
      if (port) queueMicrotask(() => linkListeners.has(listener) && listener('open'));
      return () => void linkListeners.delete(listener);
    },
    attach(next) {
      if (port) {
        port.close();
        failPending();
      }
      port = next;
      next.onMessage((data) => {
        if (port !== next) return;
        if (data && typeof data === 'object' && (data as { t?: unknown }).t === 'result') pending.delete((data as { id: number }).id);
        deliver(data as ServerMessage);
      });
      next.onClose(() => {
        if (port !== next) return;
        port = null;
        failPending();
        announce('closed');
      });
      for (const message of queue.splice(0)) post(next, message);
      announce('open');
    },
  };
}
