import { ContractError, roleHas } from '../contract';
import type { CallContext, HandlerGroup } from '../router/router';
import type { Hub } from '../router/hub';
import type { AuthService } from './service';
import type { SessionManager } from './sessions';
import { publicUser, type UserStore } from './users';

function sessionOf(context: CallContext) {
  const session = context.connection.session;
  if (!session) throw new ContractError('unauthenticated', 'sign in first');
  return session;
}

export function authHandlers(deps: {
  auth: AuthService;
  sessions: SessionManager;
  site: { name: string; demo: boolean; version: string };
}): HandlerGroup<
  'auth.status' | 'auth.setup' | 'auth.signIn' | 'auth.resume' | 'auth.unlock' | 'auth.signOut' | 'auth.heartbeat' | 'auth.changePassword'
> {
  const { auth, sessions } = deps;
  return {
    'auth.status': () => ({ needsSetup: auth.needsSetup(), site: deps.site.name, demo: deps.site.demo, version: deps.site.version }),
    'auth.setup': async (input, { connection }) => {
      connection.session = await auth.setup(input, connection.station(input.station));
      return auth.describe(connection.session);
    },
    'auth.signIn': async (input, { connection }) => {
      connection.session = await auth.signIn(input.username, input.password, connection.station(input.station));
      return auth.describe(connection.session);
    },
    'auth.resume': ({ token }, { connection }) => {
      const session = sessions.get(token);
      if (!session) throw new ContractError('unauthenticated', 'the session has ended; sign in again');
      connection.session = session;
      if (session.locked) throw new ContractError('session_locked', 'the session is locked; enter your password to unlock');
      return auth.describe(session);
    },
    'auth.unlock': async ({ token, password }, { connection }) => {
      const session = sessions.get(token);
      if (!session) throw new ContractError('unauthenticated', 'the session has ended; sign in again');
      connection.session = await auth.unlock(session, password);
      return auth.describe(session);
    },
    'auth.signOut': (_input, context) => {
      auth.signOut(sessionOf(context));
      context.connection.session = null;
      return { ok: true as const };
    },
    'auth.heartbeat': ({ active }, context) => {
      const session = sessionOf(context);
      if (active) sessions.touch(session);
      const lockAfterMs = auth.describe(session).lockAfterMs;
      return { lockInMs: Math.max(0, session.lastActivity + lockAfterMs - Date.now()) };
    },
    'auth.changePassword': async ({ current, next }, context) => {
      await auth.changePassword(sessionOf(context), current, next);
      return { ok: true as const };
    },
  };
}

export function userHandlers(deps: {
  auth: AuthService;
  users: UserStore;
  sessions: SessionManager;
  hub: Hub;
}): HandlerGroup<'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.unlock'> {
  const { auth, users, sessions, hub } = deps;
  const mustExist = (id: number) => {
    const user = users.byId(id);
    if (!user) throw new ContractError('not_found', `no user with id ${id}`);
    return user;
  };
  return {
    'users.list': () => users.all().map(publicUser),
    'users.create': async (input) => {
      const user = publicUser(await auth.createUser({ ...input, mustChangePassword: true }));
      hub.broadcast('users.changed', {});
      return user;
    },
    'users.update': (input, context) => {
      mustExist(input.id);
      const self = context.connection.session;
      // Keep at least one way to administer the station.
      if (self?.userId === input.id && (input.disabled || (input.role && !roleHas(input.role, 'users.manage')))) {
        throw new ContractError('conflict', 'you cannot disable yourself or remove your own administration rights');
      }
      users.update(input.id, input);
      const after = mustExist(input.id);
      for (const session of sessions.forUser(input.id)) {
        if (after.disabled) {
          sessions.end(session.token);
          for (const connection of hub.bySession(session.token)) {
            connection.emit('session.ended', { reason: 'disabled' });
            connection.session = null;
          }
        } else session.role = after.role;
      }
      hub.broadcast('users.changed', {});
      return publicUser(after);
    },
    'users.resetPassword': async ({ id, password }) => {
      await auth.resetPassword(mustExist(id), password);
      hub.broadcast('users.changed', {});
      return { ok: true as const };
    },
    'users.unlock': ({ id }) => {
      mustExist(id);
      users.unlock(id);
      hub.broadcast('users.changed', {});
      return { ok: true as const };
    },
  };
}
