import type { HybridClock } from '../alarms/hlc';
import { ContractError, type Role } from '../contract';
import { ROLE_WORKSPACES, WorkspaceSchema, type ScreenLayout, type Workspace, type WorkspaceView } from '../contract/screens';
import type { Outbox } from '../outbox/outbox';
import { SharedRecords, type SharedMessage } from '../sharing/shared-records';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';

type Draft = Workspace & { id: string };

/** The record's fields in a fixed order, layouts by name, so equal workspaces compare equal as text. */
const bodyOf = ({ id, layouts, openOnSignIn }: Draft): string =>
  JSON.stringify({ id, layouts: [...layouts].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), openOnSignIn });

/**
 * Officers' screen layouts, one record per officer shared by every station
 * of the site (the later change wins), so a commander who signs in at
 * another desk finds their monitors as they left them. Each role comes with
 * layouts of its own (the command desk for commanders), shown until the
 * officer saves one by that name, and the role's layout opens at sign-in
 * until the officer chooses another or none.
 */
export class Workspaces {
  private readonly records: SharedRecords<Draft>;

  constructor(db: Database, clock: HybridClock, outbox: Outbox, site: string) {
    this.records = new SharedRecords<Draft>(db, clock, outbox, {
      table: 'workspaces',
      topic: (user) => topicOf('workspace', { site, user }),
      body: bodyOf,
      parse: (body) => {
        const { id, ...workspace } = body as { id: string };
        return { id, ...WorkspaceSchema.parse(workspace) };
      },
    });
  }

  /** What the officer sees: their layouts, then their role's they have not replaced, and what opens at sign-in. */
  view(user: string, role: Role): WorkspaceView {
    const own = this.records.get(user);
    const builtIn = ROLE_WORKSPACES[role] ?? { layouts: [], openOnSignIn: null };
    const names = new Set(own?.layouts.map((layout) => layout.name));
    return {
      layouts: [...(own?.layouts ?? []).map((layout) => ({ ...layout, builtin: false })), ...builtIn.layouts.filter((layout) => !names.has(layout.name)).map((layout) => ({ ...layout, builtin: true }))],
      openOnSignIn: own ? own.openOnSignIn : builtIn.openOnSignIn,
    };
  }

  /** Saves a layout, replacing the one of that name. Inside a transaction. */
  save(user: string, role: Role, layout: ScreenLayout): void {
    const current = this.current(user, role);
    const layouts = [...current.layouts.filter((held) => held.name !== layout.name), layout];
    this.share(user, { ...current, layouts });
  }

  delete(user: string, role: Role, name: string): void {
    const current = this.current(user, role);
    if (!current.layouts.some((layout) => layout.name === name)) {
      const builtIn = ROLE_WORKSPACES[role]?.layouts.some((layout) => layout.name === name);
      throw new ContractError(builtIn ? 'conflict' : 'not_found', builtIn ? `${name} comes with your role and cannot be deleted` : `no saved screen layout named ${name}`);
    }
    const layouts = current.layouts.filter((layout) => layout.name !== name);
    this.share(user, { layouts, openOnSignIn: current.openOnSignIn === name ? null : current.openOnSignIn });
  }

  /** The layout to open at sign-in, one the officer sees (theirs or their role's), or null for none. */
  openOnSignIn(user: string, role: Role, name: string | null): void {
    if (name !== null && !this.view(user, role).layouts.some((layout) => layout.name === name)) throw new ContractError('not_found', `no screen layout named ${name}`);
    this.share(user, { ...this.current(user, role), openOnSignIn: name });
  }

  /** Another station's version of an officer's workspace; true when it was newer. Inside the ingest's transaction. */
  receive(record: SharedMessage<Draft>): boolean {
    return this.records.receive(record);
  }

  /** The officer's stored layouts; before their first change, none and their role's choice at sign-in. */
  private current(user: string, role: Role): Workspace {
    const own = this.records.get(user);
    return own ? { layouts: own.layouts, openOnSignIn: own.openOnSignIn } : { layouts: [], openOnSignIn: ROLE_WORKSPACES[role]?.openOnSignIn ?? null };
  }

  private share(user: string, workspace: Workspace): void {
    const parsed = WorkspaceSchema.safeParse(workspace);
    if (!parsed.success) throw new ContractError('invalid_input', parsed.error.issues.map((issue) => issue.message).join('; '));
    this.records.share({ id: user, ...parsed.data }, user);
  }
}
