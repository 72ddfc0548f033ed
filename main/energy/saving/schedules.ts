import { ContractError, CONTROLLER_OF, SavingScheduleDraftSchema, type SavingSchedule, type SavingScheduleDraft } from '../../contract';
import type { HybridClock } from '../../alarms/hlc';
import type { DeviceRegistry } from '../../devices/registry';
import type { Outbox } from '../../outbox/outbox';
import type { SavingScheduleMessage } from '../../site-link/interface/payloads';
import { topicOf } from '../../site-link/interface/topics';
import { SharedRecords } from '../../sharing/shared-records';
import type { Database } from '../../store/database';

/** The draft part of a shared schedule, in a fixed key order. */
const bodyOf = ({ id, name, load, devices, days, steps, enabled, building }: SavingScheduleDraft): string =>
  JSON.stringify({ id, name, load, devices, days, steps, enabled, ...(building ? { building } : {}) });

/**
 * The site's energy-saving schedules, shared by every station of the site
 * like alarm rules (the later edit wins). A schedule saved here drives only
 * controllers of its load that the registry knows.
 */
export class SavingSchedules {
  private readonly records: SharedRecords<SavingScheduleDraft>;

  constructor(
    private readonly db: Database,
    private readonly registry: DeviceRegistry,
    clock: HybridClock,
    outbox: Outbox,
    site: string,
  ) {
    this.records = new SharedRecords<SavingScheduleDraft>(db, clock, outbox, {
      table: 'saving_schedules',
      topic: (schedule) => topicOf('savingSchedule', { site, schedule }),
      body: bodyOf,
      parse: (body) => SavingScheduleDraftSchema.parse(body),
    });
  }

  get generation(): number {
    return this.records.generation;
  }

  list(): SavingSchedule[] {
    return this.records.list().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  get(id: string): SavingSchedule {
    const schedule = this.records.get(id);
    if (!schedule) throw new ContractError('not_found', `no schedule ${id}`);
    return schedule;
  }

  save(draft: SavingScheduleDraft, user: string): SavingSchedule {
    const controller = CONTROLLER_OF[draft.load];
    for (const code of draft.devices) {
      if (!this.registry.has(code)) throw new ContractError('not_found', `no device with code ${code}`);
      const device = this.registry.get(code);
      if (device.kind !== controller) throw new ContractError('invalid_input', `${device.name} is a ${device.kind}, not a ${controller}: a ${draft.load} schedule cannot drive it`);
    }
    return this.db.transaction(() => {
      const duplicate = this.list().find((schedule) => schedule.name === draft.name && schedule.id !== draft.id);
      if (duplicate) throw new ContractError('conflict', `another schedule is already called ${draft.name}`);
      this.records.share(SavingScheduleDraftSchema.parse(draft), user);
      return this.get(draft.id);
    })();
  }

  delete(id: string, user: string): void {
    this.db.transaction(() => {
      if (!this.records.remove(id, user)) throw new ContractError('not_found', `no schedule ${id}`);
    })();
  }

  /** Another station's version of a schedule; true when it was newer. Runs inside the ingest's transaction. */
  receive(record: SavingScheduleMessage): boolean {
    return this.records.receive(record);
  }

  /** Schedules a new station starts with (the demo park's), as set up at `at`. */
  seed(drafts: readonly SavingScheduleDraft[], at?: number): void {
    this.records.seed(drafts, at);
  }
}
