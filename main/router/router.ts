import { type z } from 'zod';
import {
  CallMessage,
  ContractError,
  calls,
  roleHas,
  type CallOutput,
  type Method,
  type ParsedInput,
  type ResultMessage,
} from '../contract';
import type { AuditTrail } from '../audit/trail';
import type { SessionManager } from '../auth/sessions';
import type { Logger } from '../logging/logger';
import type { Connection } from './connection';

export type CallContext = { connection: Connection };

export type Handler<M extends Method> = (input: ParsedInput<M>, context: CallContext) => CallOutput<M> | Promise<CallOutput<M>>;
export type Handlers = { [M in Method]: Handler<M> };
export type HandlerGroup<M extends Method> = { [K in M]: Handler<K> };

/** Joins each capability's handlers into one map, refusing a name claimed twice. */
export function joinHandlers(...groups: Partial<Handlers>[]): Handlers {
  const joined: Partial<Handlers> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (name in joined) throw new Error(`handler ${name} is defined twice`);
      (joined as Record<string, unknown>)[name] = handler;
    }
  }
  const missing = Object.keys(calls).filter((name) => !(name in joined));
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  return joined as Handlers;
}

const SECRET_FIELDS = new Set(['password', 'current', 'next', 'token']);

/** The call's input as the audit keeps it: without passwords and tokens, nor what the call itself keeps secret. */
function auditDetail(input: unknown, secret: readonly string[] = []): Record<string, unknown> {
  if (!input || typeof input !== 'object') return {};
  return Object.fromEntries(Object.entries(input).filter(([key]) => !SECRET_FIELDS.has(key) && !secret.includes(key)));
}

function auditTarget(input: unknown): string {
  const record = (input ?? {}) as Record<string, unknown>;
  const target = record.code ?? record.camera ?? record.scope ?? record.id ?? record.username ?? '';
  return String(target);
}

function createdId(value: unknown): string {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
}

export type RouterDeps = {
  handlers: Handlers;
  sessions: SessionManager;
  audit: AuditTrail;
  logger: Logger;
  /** Validate results against the contract too (tests); inputs are always validated. */
  checkOutputs?: boolean;
};

/**
 * Every call from every window passes here. Order matters: an unknown method
 * and a missing or insufficient session are refused before the input is even
 * parsed, so a caller without the permission learns nothing of the schema.
 */
export function createRouter(deps: RouterDeps) {
  const { handlers, sessions, audit, logger } = deps;

  function deny(connection: Connection, method: Method, input: unknown): never {
    const session = connection.session!;
    audit.append({
      actor: session.username,
      role: session.role,
      station: connection.station(),
      action: 'permission.denied',
      target: method,
      outcome: 'denied',
      detail: { method, input: auditDetail(input, calls[method].secret) },
    });
    throw new ContractError('forbidden', `role ${session.role} may not call ${method}`);
  }

  async function dispatch(connection: Connection, message: CallMessage): Promise<unknown> {
    if (!Object.hasOwn(calls, message.method)) throw new ContractError('unknown_method', `no such call: ${message.method}`);
    const method = message.method as Method;
    const def = calls[method];
    if (def.access !== 'public') {
      const session = connection.session;
      if (!session || !sessions.get(session.token)) throw new ContractError('unauthenticated', 'sign in first');
      if (session.locked && !def.whileLocked) throw new ContractError('session_locked', 'the session is locked; enter your password to unlock');
      if (def.access !== 'signed-in' && !roleHas(session.role, def.access)) deny(connection, method, message.input);
      // An action is activity; background reads are not, so an unattended wall still locks.
      if (def.audited) sessions.touch(session);
    }
    const parsed = def.input.safeParse(message.input);
    if (!parsed.success) throw new ContractError('invalid_input', `invalid input for ${method}`, issuesOf(parsed.error));

    const handler = handlers[method] as Handler<Method>;
    const session = connection.session;
    // A call that creates something (an incident, an order) names it only in its answer: that is its target.
    const record = (outcome: 'ok' | 'failed', extra: Record<string, unknown> = {}, created?: unknown) => {
      if (!def.audited || !session) return;
      audit.append({
        actor: session.username,
        role: session.role,
        station: connection.station(),
        action: method,
        target: auditTarget(parsed.data) || createdId(created),
        outcome,
        detail: { ...auditDetail(parsed.data, def.secret), ...extra },
      });
    };
    try {
      const value = await handler(parsed.data as never, { connection });
      record('ok', {}, value);
      return deps.checkOutputs ? def.output.parse(value) : value;
    } catch (error) {
      record('failed', { error: error instanceof ContractError ? error.code : 'internal' });
      throw error;
    }
  }

  return async function handle(connection: Connection, raw: unknown): Promise<ResultMessage | null> {
    const message = CallMessage.safeParse(raw);
    if (!message.success) {
      logger.warn({ connection: connection.id }, 'dropped a message that is not a call');
      return null;
    }
    const { id } = message.data;
    try {
      const value = await dispatch(connection, message.data);
      return { t: 'result', id, ok: true, value };
    } catch (error) {
      if (error instanceof ContractError) return { t: 'result', id, ok: false, error: error.toWire() };
      logger.error({ err: error, method: message.data.method }, 'call failed');
      return { t: 'result', id, ok: false, error: { code: 'internal', message: 'internal error in the core; see its log' } };
    }
  };
}
