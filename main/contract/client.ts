import type { CallInput, CallOutput, Method } from './calls';
import type { EventName, EventPayload } from './events';
import { ContractError, type ClientTransport, type ServerMessage } from './wire';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** The typed client every window uses; the same over WebSocket and MessagePort. */
export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly videoListeners = new Map<number, (data: Uint8Array) => void>();

  constructor(private readonly transport: ClientTransport) {
    transport.onMessage((message) => this.receive(message));
    transport.onClose(() => this.failAll(new ContractError('internal', 'connection to the core closed')));
  }

  call<M extends Method>(method: M, input: CallInput<M>): Promise<CallOutput<M>> {
    const id = this.nextId++;
    return new Promise<CallOutput<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.transport.send({ t: 'call', id, method, input });
    });
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  /** Media of one of this window's streams (see `video.open`); one listener per stream. */
  onVideo(stream: number, listener: (data: Uint8Array) => void): () => void {
    this.videoListeners.set(stream, listener);
    return () => {
      if (this.videoListeners.get(stream) === listener) this.videoListeners.delete(stream);
    };
  }

  close(): void {
    this.transport.close();
  }

  private receive(message: ServerMessage): void {
    if (message.t === 'video') {
      this.videoListeners.get(message.stream)?.(message.data);
      return;
    }
    if (message.t === 'event') {
      for (const listener of this.listeners.get(message.name) ?? []) listener(message.payload);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new ContractError(message.error.code, message.error.message, message.error.issues));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
