import type { Socket } from 'node:net';
import mqtt from 'mqtt';
import type { WarningRuleDraft } from '../../main/contract/warnings';
import type { Core } from '../../main/core';
import { DEMO_WARNING_RULES } from '../../main/demo/warning-rules';
import { topicOf } from '../../main/site-link/interface/topics';
import { tempDir, testCore } from '../../main/testing/harness';
import { startMosquitto } from '../../main/testing/mosquitto';
import { openClient, startStationProcess } from '../../main/testing/station';
import { dryRun } from '../../main/warnings/dry-run';
import { warningIdOf } from '../../main/warnings/fold';
import { deviceFacts, HISTORY_STEP_MS } from '../../main/warnings/history';
import { launchChromium, pageClockOffset, paintedAt, stationPage, watchPainted } from '../chromium';
import { median, percentile, type Report } from '../report';

const SITE = 'bench-warnings';
const METERS = 500;
/** One smoke detector (which reports temperature too) per floor: 20 buildings of 10 floors. */
const FLOORS = 200;
const SAMPLES = 200_000;
const TRIALS = 200;
const TRIAL_GAP_MS = 100;
const TELEMETRY_PER_S = 10_000;
const DAY = 86_400_000;
const ADMIN = { username: 'bench', displayName: 'Bench', password: 'Early-Warning-Latency-2026' };
const meterCode = (i: number) => `320612010115${String(i).padStart(8, '0')}`;
const detectorCode = (i: number) => `32061201011410${String(i + 1).padStart(6, '0')}`;
const placeOf = (i: number) => ({ building: `${Math.floor(i / 10) + 1}号楼`, floor: `${(i % 10) + 1}F` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A busy site's 200 warning rules: the demo's fire rules and, beside them,
 * thresholds on the meters, temperature rates, forced-door counts and
 * smoke-and-heat combinations, in all four groupings, at all four levels.
 */
function siteRules(): WarningRuleDraft[] {
  const rules: WarningRuleDraft[] = [...DEMO_WARNING_RULES];
  const everywhere = { kinds: [], area: '', building: '', floor: '', devices: [] };
  for (let i = rules.length; i < 200; i++) {
    const base = { id: `bench-${i}`, name: `预警规则 ${i}`, enabled: true, level: ((i % 4) + 1) as 1 | 2 | 3 | 4, scope: everywhere };
    const kind = i % 4;
    rules.push(
      kind === 0
        ? { ...base, hazard: 'power', groupBy: 'device', condition: { kind: 'threshold', metric: 'kw', op: 'above', value: 95 + (i % 5), forSeconds: (i % 3) * 30 } }
        : kind === 1
          ? { ...base, hazard: 'fire', groupBy: i % 8 === 1 ? 'floor' : 'building', condition: { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5 + (i % 5), windowSeconds: 60 } }
          : kind === 2
            ? { ...base, hazard: 'intrusion', groupBy: 'area', condition: { kind: 'count', eventType: 'door_forced', atLeast: 3 + (i % 3), windowSeconds: 600 } }
            : {
                ...base,
                hazard: 'fire',
                groupBy: 'floor',
                condition: {
                  kind: 'combination',
                  windowSeconds: 120,
                  parts: [
                    { kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 300 },
                    { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 4 + (i % 4), windowSeconds: 60 },
                  ],
                },
              },
    );
  }
  return rules;
}

const deviceInfos = () => [
  ...Array.from({ length: METERS }, (_, i) => ({ code: meterCode(i), info: { name: `电表 ${i}`, area: `区 ${i % 4}`, building: placeOf(i % FLOORS).building, floor: '1F', ts: 1 } })),
  ...Array.from({ length: FLOORS }, (_, i) => ({ code: detectorCode(i), info: { name: `烟感 ${i}`, area: `区 ${i % 4}`, ...placeOf(i), ts: 1 } })),
];

function station(rules: WarningRuleDraft[]): Core {
  const core = testCore({ site: { id: SITE, name: SITE, brokers: [], demo: false }, checkOutputs: false });
  const encoder = new TextEncoder();
  for (const { code, info } of deviceInfos()) core.ingest.push({ topic: topicOf('deviceInfo', { site: SITE, code }), payload: encoder.encode(JSON.stringify(info)), receivedAt: Date.now() });
  core.ingest.flush();
  for (const rule of rules) core.warnings.rules.save(rule, 'bench');
  return core;
}

/** Meter and room-temperature telemetry through the station's ingest (validation, storage, history, alarm and warning rules), in the batches the event loop writes. */
function ingestTelemetry(core: Core): number {
  const encoder = new TextEncoder();
  const t0 = Date.now() - DAY;
  const started = performance.now();
  for (let i = 0; i < SAMPLES; i++) {
    const ts = t0 + Math.floor(i / (METERS + FLOORS)) * 5_000;
    const meter = i % (METERS + FLOORS);
    // Now and then a reading crosses a limit or a room heats, so conditions start, hold and end.
    const spike = (i * 7919) % 1000 < 8;
    const [code, values] = meter < METERS ? [meterCode(meter), { kw: spike ? 120 : 40 + ((i * 31) % 50) }] : [detectorCode(meter - METERS), { temperature: 24 + (spike ? 15 : (i % 7) / 10) }];
    core.ingest.push({ topic: topicOf('telemetry', { site: SITE, code }), payload: encoder.encode(JSON.stringify({ ts, values })), receivedAt: Date.now() });
    if (i % 2_000 === 1_999) core.ingest.flush();
  }
  core.ingest.flush();
  return SAMPLES / ((performance.now() - started) / 1000);
}

/**
 * Ingest with the 200 rules against the same without, in this run: three
 * rounds, alternating which goes first (two cores are shared), medians
 * reported; and the rules' evaluations a second.
 */
export async function ingestRatio(report: Report): Promise<void> {
  const runs = { none: [] as number[], rules: [] as number[], evaluations: [] as number[] };
  let raised = 0;
  const measure = async (name: 'none' | 'rules') => {
    const core = station(name === 'rules' ? siteRules() : []);
    const started = performance.now();
    runs[name].push(ingestTelemetry(core));
    if (name === 'rules') {
      runs.evaluations.push(core.warnings.engine.evaluations / ((performance.now() - started) / 1000));
      raised = core.db.prepare('SELECT count(*) FROM warnings').pluck().get() as number;
    }
    await core.close();
  };
  for (let round = 0; round < 3; round++) for (const name of round % 2 ? (['rules', 'none'] as const) : (['none', 'rules'] as const)) await measure(name);
  // Rules that never hold would measure nothing.
  if (!raised) throw new Error('the 200 warning rules raised no warning');
  const ratios = runs.rules.map((rate, round) => rate / runs.none[round]!);
  report.add('warnings_raised_in_ingest_run', raised, 'warnings', 'higher');
  report.add('ingest_with_200_warning_rules_msgs_per_s', median(runs.rules), 'msg/s', 'higher', TELEMETRY_PER_S, runs.rules);
  report.add('ingest_without_warning_rules_msgs_per_s', median(runs.none), 'msg/s', 'higher', undefined, runs.none);
  report.add('ingest_rules_over_no_rules_ratio', median(ratios), 'ratio', 'higher', 0.5, ratios);
  report.add('warning_evaluations_per_s', median(runs.evaluations), 'evaluations/s', 'higher', undefined, runs.evaluations);
}

/**
 * From the publish of the smoke event that completes a floor's condition to
 * that floor's warning card painted in the warnings page of a real window
 * (Debian's Chromium, against a station process), with the 200 rules and
 * 10 000 telemetry messages a second over a real mosquitto; the background
 * rate is read from the station's own counters, not assumed. Each trial is
 * a new floor, so the page holds 200 active warnings by the end. The same
 * to another client of the station says how much of it is the window's.
 */
export async function raisedLatency(report: Report): Promise<void> {
  const broker = await startMosquitto({ maxQueuedMessages: 0, maxInflightMessages: 1000, autosaveOnChanges: false, autosaveInterval: 60, extraConfig: ['set_tcp_nodelay true'] });
  const stationProcess = await startStationProcess({ dataDir: tempDir('vigil-bench-warnings-'), broker: broker.url, site: SITE, station: 'bench-desk' });
  const browser = await launchChromium();
  const gateway = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'bench-warnings-gateway' });
  // The site's gateway sends at once, as docs/site-interface.md asks of gateways and the broker: with Nagle's algorithm on,
  // the rig's own TCP stack would hold the smoke event behind its telemetry for up to the broker's delayed ACK (~40 ms).
  (gateway.stream as Socket).setNoDelay(true);
  let background: NodeJS.Timeout | undefined;
  try {
    await Promise.all(deviceInfos().map(({ code, info }) => gateway.publishAsync(topicOf('deviceInfo', { site: SITE, code }), JSON.stringify(info), { qos: 1, retain: true })));
    const admin = await openClient(stationProcess.url);
    await admin.call('auth.setup', { ...ADMIN, station: 'bench' });
    for (const rule of siteRules()) await admin.call('warningRules.save', rule);
    for (let tries = 0; (await admin.call('devices.list', { limit: 1, offset: 0 })).total < METERS + FLOORS; tries++) {
      if (tries > 200) throw new Error('the devices were not registered');
      await sleep(50);
    }
    const page = await stationPage(browser, stationProcess.url, ADMIN, 'warnings');
    await watchPainted(page, '[data-testid=warning-card]');
    // A client of the station beside the window: where the time goes, the station's part or the window's.
    const heard = new Map<string, number>();
    admin.on('warnings.changed', ({ warnings }) => {
      const at = performance.timeOrigin + performance.now();
      for (const { id } of warnings) if (!heard.has(id)) heard.set(id, at);
    });

    const loadStarted = Date.now();
    let sent = 0;
    background = setInterval(() => {
      const due = Math.floor(((Date.now() - loadStarted) / 1000) * TELEMETRY_PER_S);
      for (; sent < due; sent++) {
        const n = sent % (METERS + FLOORS);
        const [code, values] = n < METERS ? [meterCode(n), { kw: 40 + (sent % 50) }] : [detectorCode(n - METERS), { temperature: 24 + (sent % 5) / 10 }];
        gateway.publish(topicOf('telemetry', { site: SITE, code }), JSON.stringify({ ts: Date.now(), values }), { qos: 0 });
      }
    }, 10);
    await sleep(2_000);
    const offset = await pageClockOffset(page);
    const counted = async () => (await admin.call('ops.status', {})).ingest.totals.telemetry;
    const before = { telemetry: await counted(), at: performance.now() };
    const published = new Map<string, number>();
    for (let n = 0; n < TRIALS; n++) {
      const ts = Date.now();
      const { building, floor } = placeOf(n % FLOORS);
      published.set(warningIdOf('fire', `floor|${building}/${floor}`, ts), performance.timeOrigin + performance.now());
      gateway.publish(topicOf('deviceEvent', { site: SITE, code: detectorCode(n % FLOORS) }), JSON.stringify({ id: `smoke-${n}-${ts}`, type: 'smoke', ts }), { qos: 1 });
      await sleep(TRIAL_GAP_MS);
    }
    const after = { telemetry: await counted(), at: performance.now() };
    const telemetryPerSecond = (after.telemetry - before.telemetry) / ((after.at - before.at) / 1000);
    if (telemetryPerSecond < TELEMETRY_PER_S * 0.95) throw new Error(`the station took in only ${Math.round(telemetryPerSecond)} telemetry messages a second, not ${TELEMETRY_PER_S}`);
    const painted = await paintedAt(page, [...published.keys()], 'warnings in the warnings page');
    const latencies = [...published].map(([id, at]) => painted[id]! - offset - at);
    const missing = [...published.keys()].filter((id) => !heard.has(id));
    if (missing.length) throw new Error(`${missing.length} of ${TRIALS} warnings were painted but never reached the station's other client`);
    const toClient = [...published].map(([id, at]) => heard.get(id)! - at);
    admin.close();
    report.add('warning_publish_to_painted_card_p50_ms', percentile(latencies, 50), 'ms', 'lower');
    report.add('warning_publish_to_painted_card_p99_ms', percentile(latencies, 99), 'ms', 'lower', 50);
    report.add('warning_publish_to_client_event_p50_ms', percentile(toClient, 50), 'ms', 'lower');
    report.add('warning_publish_to_client_event_p99_ms', percentile(toClient, 99), 'ms', 'lower');
    report.add('warning_latency_background_telemetry_msgs_per_s', telemetryPerSecond, 'msg/s', 'higher', TELEMETRY_PER_S);
  } finally {
    clearInterval(background);
    await gateway.endAsync();
    await browser.close();
    await stationProcess.kill();
    await broker.close();
  }
}

/**
 * A dry run of the demo's smoke-and-heat rule over 30 days of stored
 * history as the demo park makes it: its 18 floors' smoke detectors
 * reporting the room's temperature once a minute, and a fire a day on one
 * floor (its smoke event, then readings every 5 s climbing 8 °C a minute,
 * stored one per 10 s). Median of three runs.
 */
export async function dryRunMonth(report: Report): Promise<void> {
  const detectors = 18;
  const core = station([]);
  try {
    const to = Date.now();
    const from = to - 30 * DAY;
    const insert = core.db.prepare('INSERT OR IGNORE INTO telemetry_history (metric, at, code, value) VALUES (?, ?, ?, ?)');
    const event = core.db.prepare("INSERT INTO device_events (id, code, type, severity, at, received_at) VALUES (?, ?, 'smoke', 'critical', ?, ?)");
    core.db.transaction(() => {
      for (let at = from; at < to; at += 60_000) for (let d = 0; d < detectors; d++) insert.run('temperature', at, detectorCode(d), 24 + (d % 3) / 10);
      for (let day = 0; day < 30; day++) {
        const fireAt = from + day * DAY + 12 * 3_600_000 + 1_000;
        const code = detectorCode(day % detectors);
        event.run(`smoke-${day}`, code, fireAt, to);
        for (let at = fireAt; at < fireAt + 120_000; at += HISTORY_STEP_MS) insert.run('temperature', at, code, 24 + ((at - fireAt) / 60_000) * 8);
      }
    })();
    const rows = core.db.prepare('SELECT count(*) FROM telemetry_history').pluck().get() as number;
    const rule = DEMO_WARNING_RULES.find((candidate) => candidate.condition.kind === 'combination')!;
    const runs: number[] = [];
    let result: ReturnType<typeof dryRun> | null = null;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      result = dryRun(core.db, deviceFacts(core.db), { rule, from, to });
      runs.push(performance.now() - started);
    }
    // A dry run that found nothing in a month of fires measured nothing.
    if (result!.raised < 30) throw new Error(`the dry run raised ${result!.raised} warnings over 30 fires`);
    const ms = median(runs);
    report.add('dry_run_30_days_ms', ms, 'ms', 'lower', 2_000, runs);
    report.add('dry_run_30_days_samples', rows, 'samples', 'higher');
    report.add('dry_run_samples_per_s', (rows + 30) / (ms / 1000), 'samples/s', 'higher');
  } finally {
    await core.close();
  }
}

/** `warnings` of `npm run bench -- emergency`: early warnings' cost to ingest, their latency to a window, and a month's dry run. */
export async function warnings(report: Report): Promise<void> {
  await ingestRatio(report);
  await dryRunMonth(report);
  await raisedLatency(report);
}
