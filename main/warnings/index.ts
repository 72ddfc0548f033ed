import type { HybridClock } from '../alarms/hlc';
import type { WarningView } from '../contract/warnings';
import type { Outbox } from '../outbox/outbox';
import type { Hub } from '../router/hub';
import type { Ingest, IngestHooks } from '../site-link/ingest';
import type { ChannelPayload } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { WarningEngine } from './engine';
import { warningHandlers } from './handlers';
import { deviceFacts, TelemetryHistory } from './history';
import { WarningBook, WarningRules } from './store';

/**
 * Early warnings wired together: the shared rules, the warnings' records,
 * the engine that derives them inside the ingest's transaction, the
 * telemetry history dry runs read, and what windows call and hear.
 */
export function createWarnings(deps: { db: Database; clock: HybridClock; outbox: Outbox; hub: Hub; ingest: Ingest; site: string }) {
  const { db, clock, outbox, hub, ingest, site } = deps;
  const rules = new WarningRules(db, clock, outbox, site);
  const book = new WarningBook(db, clock, outbox, site);
  const devices = deviceFacts(db);
  const engine = new WarningEngine(rules, devices, (change) => book.apply(change));
  engine.restore(book.active());
  const history = new TelemetryHistory(db);
  const announce = () => {
    const warnings = book.take();
    if (warnings.length) hub.broadcast('warnings.changed', { warnings });
  };
  ingest.onCommit((batch) => {
    engine.forget(batch.devices);
    if (batch.warningRules) hub.broadcast('warningRules.changed', {});
    announce();
  });
  /** Ingest hooks, called inside the batch's transaction beside the alarm rules' (whose results they leave alone). */
  const hooks: Pick<IngestHooks, 'onWarningRecord' | 'onWarningRule'> & {
    onTelemetry(code: string, telemetry: ChannelPayload<'telemetry'>): void;
    onEvent(code: string, event: ChannelPayload<'deviceEvent'>): void;
  } = {
    onTelemetry(code, telemetry) {
      history.record(code, telemetry);
      engine.onTelemetry(code, telemetry);
    },
    onEvent: (code, event) => engine.onEvent(code, event),
    onWarningRecord(record) {
      const view = book.receive(record);
      if (view && !view.active) engine.cleared(view.id);
    },
    onWarningRule: (record) => rules.receive(record),
  };
  return {
    rules,
    book,
    engine,
    hooks,
    handlers: warningHandlers({ db, rules, book, engine, devices, hub }),
    /** Windows running out and warnings clearing by the station's clock (the core's sweep calls it every few seconds). */
    sweep(now: number): void {
      db.transaction(() => engine.sweep(now))();
      announce();
    },
    /** Called inside the transaction when a warning is raised or changes level (here or from another station's copy). */
    onWarning: (listener: (warning: WarningView) => void) => book.onWarning(listener),
  };
}
export type Warnings = ReturnType<typeof createWarnings>;
