import type { HybridClock } from '../alarms/hlc';
import { ContractError, SERVICE_CATEGORIES, ServiceDraftSchema, type Service, type ServiceDraft } from '../contract';
import type { Outbox } from '../outbox/outbox';
import { SharedRecords } from '../sharing/shared-records';
import type { ServiceMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';

/** The draft part of a shared service, in a fixed key order. */
const bodyOf = ({ id, name, category, tags, description, phone, where, hours, suits, active }: ServiceDraft): string =>
  JSON.stringify({ id, name: { zh: name.zh, ...(name.en ? { en: name.en } : {}) }, category, tags, description, phone, where: { ...(where.building ? { building: where.building } : {}), distance: where.distance }, hours, suits, active });

/**
 * The site's life-service catalogue (shops, clinics, housekeeping, elderly
 * care …), kept by property staff and shared by every station of the site
 * like alarm rules: the later edit wins.
 */
export class ServiceCatalogue {
  private readonly records: SharedRecords<ServiceDraft>;
  private readonly newest;
  /** The parsed, sorted catalogue until the next change: every recommendation reads all of it. */
  private cache: { generation: number; services: Service[] } | null = null;

  constructor(
    private readonly db: Database,
    clock: HybridClock,
    outbox: Outbox,
    site: string,
  ) {
    this.records = new SharedRecords<ServiceDraft>(db, clock, outbox, {
      table: 'service_catalogue',
      topic: (service) => topicOf('service', { site, service }),
      body: bodyOf,
      parse: (body) => ServiceDraftSchema.parse(body),
    });
    this.newest = db.prepare<[], { hlc: string | null }>('SELECT MAX(hlc) AS hlc FROM service_catalogue');
  }

  get generation(): number {
    return this.records.generation;
  }

  /** By category in the contract's order (shopping and food first), then by name. */
  list(): Service[] {
    if (this.cache?.generation !== this.records.generation) this.cache = { generation: this.records.generation, services: this.sorted() };
    return this.cache.services.slice();
  }

  private sorted(): Service[] {
    return this.records.list().sort((a, b) => SERVICE_CATEGORIES.indexOf(a.category) - SERVICE_CATEGORIES.indexOf(b.category) || a.name.zh.localeCompare(b.name.zh, 'zh-CN'));
  }

  get(id: string): Service {
    const service = this.records.get(id);
    if (!service) throw new ContractError('not_found', `no service ${id}`);
    return service;
  }

  /** The newest change (deletions included), the same at every station that has the same catalogue: what recommendations reflect. */
  version(): string | null {
    return this.newest.get()?.hlc ?? null;
  }

  save(draft: ServiceDraft, user: string): Service {
    return this.db.transaction(() => {
      this.records.share(ServiceDraftSchema.parse(draft), user);
      return this.get(draft.id);
    })();
  }

  delete(id: string, user: string): void {
    this.db.transaction(() => {
      if (!this.records.remove(id, user)) throw new ContractError('not_found', `no service ${id}`);
    })();
  }

  /** Another station's version of a service; true when it was newer. Runs inside the ingest's transaction. */
  receive(record: ServiceMessage): boolean {
    return this.records.receive(record);
  }

  /** Services a new station starts with (the demo park's), as set up at `at`. */
  seed(drafts: readonly ServiceDraft[], at?: number): void {
    this.records.seed(drafts, at);
  }
}
