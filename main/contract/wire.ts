import { z } from 'zod';
import type { WindowRequest } from './screens';

/**
 * The messages that cross a Transport. Results carry `ok` so an error survives
 * the trip with its code; binary frames (video) travel beside these as bytes.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'unauthenticated',
  'session_locked',
  'forbidden',
  'not_found',
  'conflict',
  'bad_credentials',
  'account_locked',
  'weak_password',
  'limit_reached',
  'unavailable',
  /** A command for a device that is not online: "NAME is STATUS: …", so the window can say which and why. */
  'device_offline',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type CallError = { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };

export const CallMessage = z.strictObject({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  input: z.unknown(),
});
export type CallMessage = z.infer<typeof CallMessage>;

export type ResultMessage =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: CallError };
export type EventMessage = { t: 'event'; name: string; payload: unknown };
/** Media for one of this window's streams: an init segment or a fragment of fragmented MP4. */
export type VideoMessage = { t: 'video'; stream: number; data: Uint8Array };
export type ServerMessage = ResultMessage | EventMessage | VideoMessage;

/** A bidirectional message pipe: WebSocket (vigil serve) or MessagePort (Electron). */
export type Transport<Out, In> = {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): () => void;
  onClose(listener: () => void): () => void;
  close(): void;
  /** Bytes queued and not yet sent, where the transport can tell: live video skips ahead when a window falls behind. */
  backlog?(): number;
};
export type ClientTransport = Transport<CallMessage, ServerMessage>;
export type CoreTransport = Transport<ServerMessage, unknown>;

export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: CallError['issues'],
  ) {
    super(message);
    this.name = 'ContractError';
  }
  toWire(): CallError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/**
 * What the Electron preload exposes as `window.vigil`: the contract's
 * transport to the core and nothing else.
 */
export type VigilBridge = {
  send(message: CallMessage): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /**
   * 'open' when a port to the core arrives (first load, or after the core
   * restarted: resume the session), 'closed' when the core went away.
   */
  onLink(listener: (state: 'open' | 'closed') => void): () => void;
  /** Opens app windows on monitors (Electron's shell); resolves with how many it opened or focused. */
  openWindows(requests: WindowRequest[]): Promise<number>;
  /** Prints the window to a PDF file the user names (Electron's shell); resolves with whether one was saved. */
  savePdf?(suggestedName: string): Promise<boolean>;
};
