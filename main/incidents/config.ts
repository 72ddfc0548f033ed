import type { HybridClock } from '../alarms/hlc';
import { ContractError } from '../contract';
import { PlanDraftSchema, ResourceDraftSchema, type PlanDraft, type ResourceDraft } from '../contract/incidents';
import type { Outbox } from '../outbox/outbox';
import { SharedRecords, type SharedMessage, type SharedRecord } from '../sharing/shared-records';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';

/** In a fixed key order, so equal drafts compare equal as text at every station. */
const planBody = ({ id, name, steps }: PlanDraft) => JSON.stringify({ id, name, steps: steps.map(({ id, title, owner, minutes, startLevel }) => ({ id, title, owner, minutes, startLevel })) });
const resourceBody = ({ id, name, kind, members }: ResourceDraft) => JSON.stringify({ id, name, kind, members });

/**
 * The site's response plans (one per incident type) and its dispatchable
 * resources: configuration every station shares, the later edit winning.
 */
export class IncidentConfig {
  readonly plans: SharedRecords<PlanDraft>;
  readonly resources: SharedRecords<ResourceDraft>;

  constructor(
    private readonly db: Database,
    clock: HybridClock,
    outbox: Outbox,
    site: string,
  ) {
    this.plans = new SharedRecords<PlanDraft>(db, clock, outbox, { table: 'incident_plans', topic: (plan) => topicOf('plan', { site, plan }), body: planBody, parse: (body) => PlanDraftSchema.parse(body) });
    this.resources = new SharedRecords<ResourceDraft>(db, clock, outbox, {
      table: 'incident_resources',
      topic: (resource) => topicOf('resource', { site, resource }),
      body: resourceBody,
      parse: (body) => ResourceDraftSchema.parse(body),
    });
  }

  listPlans(): SharedRecord<PlanDraft>[] {
    return this.plans.list().sort((a, b) => a.id.localeCompare(b.id));
  }

  listResources(): SharedRecord<ResourceDraft>[] {
    return this.resources.list().sort((a, b) => a.id.localeCompare(b.id));
  }

  savePlan(draft: PlanDraft, user: string): SharedRecord<PlanDraft> {
    return this.db.transaction(() => (this.plans.share(PlanDraftSchema.parse(draft), user), this.plans.get(draft.id)!))();
  }

  saveResource(draft: ResourceDraft, user: string): SharedRecord<ResourceDraft> {
    return this.db.transaction(() => (this.resources.share(ResourceDraftSchema.parse(draft), user), this.resources.get(draft.id)!))();
  }

  deletePlan(id: PlanDraft['id'], user: string): void {
    this.db.transaction(() => {
      if (!this.plans.remove(id, user)) throw new ContractError('not_found', `no plan for ${id}`);
    })();
  }

  deleteResource(id: string, user: string): void {
    this.db.transaction(() => {
      if (!this.resources.remove(id, user)) throw new ContractError('not_found', `no resource ${id}`);
    })();
  }

  receivePlan(message: SharedMessage<PlanDraft>): boolean {
    return this.plans.receive(message);
  }

  receiveResource(message: SharedMessage<ResourceDraft>): boolean {
    return this.resources.receive(message);
  }
}
