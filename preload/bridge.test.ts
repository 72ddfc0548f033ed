import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../main/contract';
import { createBridge, type BridgePort } from './bridge';

function fakePort() {
  const sent: unknown[] = [];
  let deliver: (data: unknown) => void = () => {};
  let closeListener: () => void = () => {};
  let closed = false;
  const port: BridgePort = {
    postMessage: (message) => sent.push(message),
    onMessage: (listener) => void (deliver = listener),
    onClose: (listener) => void (closeListener = listener),
    close: () => void (closed = true),
  };
  return { port, sent, receive: (data: unknown) => deliver(data), remoteClose: () => closeListener(), isClosed: () => closed };
}

function setup() {
  const bridge = createBridge();
  const received: ServerMessage[] = [];
  bridge.onMessage((message) => received.push(message));
  return { bridge, received };
}

const call = (id: number, method = 'auth.status') => ({ t: 'call' as const, id, method, input: {} });

describe('preload bridge', () => {
  it('queues calls until the port arrives, then sends them in order', () => {
    const { bridge } = setup();
    bridge.send(call(1));
    bridge.send(call(2));
    const a = fakePort();
    bridge.attach(a.port);
    bridge.send(call(3));
    expect(a.sent).toEqual([call(1), call(2), call(3)]);
  });

  it('never forwards a refused call, and answers it so the caller does not hang', () => {
    const { bridge, received } = setup();
    const a = fakePort();
    bridge.attach(a.port);
    bridge.send(call(5, 'shell.openExternal'));
    expect(a.sent).toEqual([]);
    expect(received).toEqual([expect.objectContaining({ t: 'result', id: 5, ok: false })]);
  });

  it('passes results and events to listeners until they unsubscribe', () => {
    const bridge = createBridge();
    const received: unknown[] = [];
    const stop = bridge.onMessage((message) => received.push(message));
    const a = fakePort();
    bridge.attach(a.port);
    a.receive({ t: 'event', name: 'users.changed', payload: {} });
    stop();
    a.receive({ t: 'event', name: 'users.changed', payload: {} });
    expect(received).toHaveLength(1);
  });

  it('fails unanswered calls when the core goes away, and queues until the new port', () => {
    const { bridge, received } = setup();
    const a = fakePort();
    bridge.attach(a.port);
    bridge.send(call(1));
    bridge.send(call(2));
    a.receive({ t: 'result', id: 1, ok: true, value: {} });
    a.remoteClose();
    expect(received.filter((m) => m.t === 'result' && !m.ok).map((m) => (m as { id: number }).id)).toEqual([2]);

    bridge.send(call(3));
    const b = fakePort();
    bridge.attach(b.port);
    expect(b.sent).toEqual([call(3)]);
    // A late message on the dead port is ignored.
    a.receive({ t: 'result', id: 3, ok: true, value: 'stale' });
    expect(received.some((m) => m.t === 'result' && m.id === 3)).toBe(false);
  });

  it('closes the old port when a new one replaces it', () => {
    const { bridge, received } = setup();
    const a = fakePort();
    bridge.attach(a.port);
    bridge.send(call(9));
    bridge.attach(fakePort().port);
    expect(a.isClosed()).toBe(true);
    expect(received).toEqual([expect.objectContaining({ id: 9, ok: false })]);
  });

  it('tells the window when the core comes and goes, so it can resume its session', async () => {
    const { bridge } = setup();
    const states: string[] = [];
    bridge.onLink((state) => states.push(state));
    const a = fakePort();
    bridge.attach(a.port);
    a.remoteClose();
    bridge.attach(fakePort().port);
    expect(states).toEqual(['open', 'closed', 'open']);
    const late: string[] = [];
    bridge.onLink((state) => late.push(state));
    await Promise.resolve();
    expect(late).toEqual(['open']);
  });
});
