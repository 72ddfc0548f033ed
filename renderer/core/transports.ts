import type { CallMessage, ClientTransport, ServerMessage, VigilBridge } from './contract';
import { useCoreLink } from './link-status';

/** A transport that also says when it (re)connects, so the session can be resumed first. */
export type CoreTransport = ClientTransport & { onOpen(listener: () => void): () => void };

function listeners<T extends unknown[]>() {
  const set = new Set<(...args: T) => void>();
  return {
    add(listener: (...args: T) => void) {
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit(...args: T) {
      for (const listener of [...set]) listener(...args);
    },
  };
}

/** Electron: the preload's bridge to a MessagePort; the shell hands it a new port when the core restarts. */
export function bridgeTransport(bridge: VigilBridge): CoreTransport {
  const closes = listeners<[]>();
  const opened = listeners<[]>();
  let open = false;
  bridge.onLink((state) => {
    open = state === 'open';
    if (open) {
      useCoreLink.setState({ status: 'open', lostAt: null, attempts: 0 });
      opened.emit();
    } else {
      const { attempts, lostAt } = useCoreLink.getState();
      useCoreLink.setState({ status: 'lost', lostAt: lostAt ?? Date.now(), attempts: attempts + 1 });
      closes.emit();
    }
  });
  return {
    send: (message) => bridge.send(message),
    onMessage: (listener) => bridge.onMessage(listener),
    onClose: closes.add,
    onOpen(listener) {
      // A late subscriber still learns that the core is already there.
      if (open) queueMicrotask(listener);
      return opened.add(listener);
    },
    close: () => {},
  };
}

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * Browser: a WebSocket to the web host that reconnects with capped, jittered
 * back-off. A call made while disconnected fails at once instead of hanging.
 */
export function webSocketTransport(url: string): CoreTransport {
  const messages = listeners<[ServerMessage]>();
  const closes = listeners<[]>();
  const opened = listeners<[]>();
  let socket: WebSocket | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const fail = (message: CallMessage) =>
    queueMicrotask(() =>
      messages.emit({ t: 'result', id: message.id, ok: false, error: { code: 'internal', message: 'not connected to the core' } }),
    );

  function connect(): void {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    let wasOpen = false;
    ws.onopen = () => {
      wasOpen = true;
      useCoreLink.setState({ status: 'open', lostAt: null, attempts: 0 });
      opened.emit();
    };
    ws.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer) {
        // Video: the stream id (uint32, big-endian), then fMP4 bytes.
        const stream = new DataView(event.data).getUint32(0);
        messages.emit({ t: 'video', stream, data: new Uint8Array(event.data, 4) });
        return;
      }
      try {
        messages.emit(JSON.parse(event.data) as ServerMessage);
      } catch {
        console.warn('vigil: dropped a frame that is not JSON');
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (wasOpen) closes.emit();
      if (stopped) return;
      const { attempts, lostAt } = useCoreLink.getState();
      useCoreLink.setState({ status: 'lost', lostAt: lostAt ?? Date.now(), attempts: attempts + 1 });
      const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempts) * (0.75 + Math.random() / 2);
      retry = setTimeout(connect, delay);
    };
  }
  connect();

  return {
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      else fail(message);
    },
    onMessage: messages.add,
    onClose: closes.add,
    onOpen(listener) {
      // A late subscriber still learns that the link is already up.
      if (socket?.readyState === WebSocket.OPEN) queueMicrotask(listener);
      return opened.add(listener);
    },
    close() {
      stopped = true;
      if (retry) clearTimeout(retry);
      socket?.close();
    },
  };
}
