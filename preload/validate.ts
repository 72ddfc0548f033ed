import { CallMessage, METHODS, type CallError } from '../main/contract';

/*
 * The preload's allow-list, like VS Code's validateIPC: a window may send only
 * well-formed calls to methods the contract declares. The core validates
 * inputs and permissions again; this stops anything else at the door.
 */

const ALLOWED = new Set<string>(METHODS);

export type Checked = { ok: true; message: CallMessage } | { ok: false; id: number | null; error: CallError };

export function checkCall(message: unknown): Checked {
  const parsed = CallMessage.safeParse(message);
  if (!parsed.success) {
    return { ok: false, id: idOf(message), error: { code: 'invalid_input', message: 'refused by the preload: not a contract call message' } };
  }
  if (!ALLOWED.has(parsed.data.method)) {
    return { ok: false, id: parsed.data.id, error: { code: 'unknown_method', message: `refused by the preload: ${parsed.data.method} is not in the contract` } };
  }
  return { ok: true, message: parsed.data };
}

/** The call id, when there is one to answer: a refused call still gets its error instead of hanging. */
function idOf(message: unknown): number | null {
  if (!message || typeof message !== 'object') return null;
  const id = (message as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
