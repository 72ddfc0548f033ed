import type { Core } from '../../main/core';
import { testCore, waitFor } from '../../main/testing/harness';
import { startMosquitto, type Broker } from '../../main/testing/mosquitto';
import { TerminalFleet, type SimulatedTerminal } from '../../main/demo/terminals';
import { median, Unmeasured, type Report } from '../report';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};
/** The issue's audience: 5 000 terminals (residents' apps in 10 buildings, 100 signage screens). */
const TERMINALS = env('VIGIL_BENCH_NOTICE_TERMINALS', 5000);
/** Terminals simulated on one MQTT connection: 50 connections for 5 000, as many as a bench machine holds without starving the station. */
const PER_CONNECTION = env('VIGIL_BENCH_NOTICE_PER_CONNECTION', 100);
const ROUNDS = 3;
const SITE = 'bench-notices';
// The broker settings docs/site-interface.md recommends for a site.
const BROKER = { maxQueuedMessages: 0, maxInflightMessages: 1000, autosaveOnChanges: false, autosaveInterval: 60, extraConfig: ['set_tcp_nodelay true'] };

function terminals(): SimulatedTerminal[] {
  const screens = Math.min(100, Math.floor(TERMINALS / 50));
  return Array.from({ length: TERMINALS }, (_, i) =>
    i < screens ? { id: `screen-${i}`, kind: 'signage' as const, building: `${1 + (i % 10)}号楼`, name: `屏${i}` } : { id: `app-${i}`, kind: 'resident-app' as const, building: `${1 + (i % 10)}号楼`, unit: `${1 + (i % 4)}-${100 + (i % 300)}` },
  );
}

/**
 * An announcement to the whole site, approved at the station, until its
 * terminals' receipts are counted there: 99 % and all of them. The
 * terminals are real MQTT clients on a real mosquitto (N connections of M
 * terminals each, every terminal on its own topics); the station is one
 * core with its SQLite, counting each receipt as it commits.
 */
export async function noticesBench(report: Report): Promise<void> {
  let broker: Broker | null = null;
  let core: Core | null = null;
  let fleet: TerminalFleet | null = null;
  try {
    broker = await startMosquitto(BROKER);
    core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false }, station: 'bench', checkOutputs: false, energyAnomalies: false });
    const station = core;
    fleet = await TerminalFleet.start({ broker: broker.url, site: SITE, terminals: terminals(), perConnection: PER_CONNECTION, readAfterMs: null });
    const registered = station.db.prepare('SELECT COUNT(*) FROM terminals').pluck();
    await waitFor(() => registered.get() === TERMINALS, `${TERMINALS} terminals registered at the station`, 60_000);
    const counted = station.db.prepare<[string], number>("SELECT COUNT(*) FROM notice_receipts WHERE notice = ? AND status = 'received'").pluck();

    const to99: number[] = [];
    const toAll: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const id = `bench-notice-${round}`;
      station.notices.save({ id, title: { zh: `压测公告 ${round}` }, body: { zh: '<p>全体住户：本周六上午停水。</p>' }, audience: { kind: 'site' }, publishAt: null, expiresAt: null }, 'bench', Date.now());
      let at99: number | null = null;
      let atAll: number | null = null;
      const start = performance.now();
      const off = station.ingest.onCommit((batch) => {
        if (!batch.notices.has(id)) return;
        const count = counted.get(id)!;
        if (at99 === null && count >= Math.ceil(TERMINALS * 0.99)) at99 = performance.now() - start;
        if (atAll === null && count >= TERMINALS) atAll = performance.now() - start;
      });
      // Approval publishes at once (publishAt null), as the handler does.
      station.db.transaction(() => {
        station.notices.approve(id, { publishAt: null }, 'bench', Date.now());
        station.noticePublisher.sweep(Date.now());
      })();
      const deadline = Date.now() + 120_000;
      while (atAll === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      if (atAll === null) throw new Unmeasured(report.bench, 'notice_receipts_all_ms', `${counted.get(id)} of ${TERMINALS} receipts counted after 120 s`);
      off();
      to99.push(at99!);
      toAll.push(atAll!);
      const receipts = station.receipts.counts(id);
      if (receipts.terminals !== TERMINALS || receipts.received !== TERMINALS) throw new Error(`counts per audience: ${JSON.stringify(receipts)}`);
    }
    const quarantined = station.db.prepare('SELECT COUNT(*) FROM quarantine').pluck().get() as number;
    report.add('notice_terminals', TERMINALS, 'terminals', 'higher');
    report.add('notice_receipts_99pct_ms', median(to99), 'ms', 'lower', undefined, to99);
    report.add('notice_receipts_all_ms', median(toAll), 'ms', 'lower', undefined, toAll);
    report.add('notice_receipts_quarantined', quarantined, 'msg', 'lower', 0);
  } finally {
    await fleet?.stop();
    await core?.close();
    await broker?.close();
  }
}
