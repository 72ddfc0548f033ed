import type { Outbox } from '../outbox/outbox';
import type { ResidentRegistry } from '../residents/registry';
import type { RecommendationsMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import type { ServiceCatalogue } from './catalogue';
import { recommend } from './recommend';

/** Residents recomputed per turn of the event loop, so a catalogue change on a large site never holds the core for long. */
const PER_TURN = 200;

/**
 * Publishes each resident's recommendations to their app, retained, when
 * their profile or the catalogue changes (debounced). Every station of the
 * site computes the same bytes from the same profile and catalogue, so
 * several publishing is harmless; the outbox carries them across a broken
 * link and restarts.
 */
export class RecommendationPublisher {
  private readonly due = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private working = false;
  private stopped = false;

  constructor(
    private readonly deps: { db: Database; residents: ResidentRegistry; catalogue: ServiceCatalogue; outbox: Outbox; site: string; debounceMs?: number },
  ) {}

  /** These residents' profiles changed. */
  residentsChanged(ids: Iterable<string>): void {
    for (const id of ids) this.due.add(id);
    this.schedule();
  }

  /** The catalogue changed: every resident's list may have. */
  catalogueChanged(): void {
    this.residentsChanged(this.deps.residents.ids());
  }

  /** The message for one resident, as it is published: empty without consent. */
  message(id: string, services = this.deps.catalogue.list()): RecommendationsMessage | null {
    const resident = this.deps.residents.get(id);
    if (!resident) return null;
    const context = this.deps.residents.context(id);
    return { profileTs: resident.ts, catalogue: this.deps.catalogue.version(), items: context ? recommend(services, context) : [] };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped || this.working) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.work();
    }, this.deps.debounceMs ?? 500);
  }

  private work(): void {
    if (this.stopped) return;
    this.working = true;
    const batch = [...this.due].slice(0, PER_TURN);
    for (const id of batch) this.due.delete(id);
    const { db, outbox, site } = this.deps;
    const services = this.deps.catalogue.list();
    db.transaction(() => {
      for (const id of batch) {
        const message = this.message(id, services);
        if (!message) continue;
        // Profile ts and catalogue version only grow, so the id names this answer and a repeat is the same message.
        outbox.add({ id: `recs-${id}-${message.profileTs}-${message.catalogue ?? 'empty'}`, topic: topicOf('residentRecommendations', { site, resident: id }), payload: JSON.stringify(message), qos: 1, retain: true });
      }
    })();
    this.working = false;
    if (this.due.size) setImmediate(() => this.work());
  }
}
