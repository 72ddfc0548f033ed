/// <reference lib="dom" />
import mqtt from 'mqtt';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { EnergySeriesInput } from '../main/contract';
import type { Core } from '../main/core';
import { DEFAULT_TIME_ZONE } from '../main/core';
import { EnergyCalendar } from '../main/energy/calendar';
import { EnergyQueries } from '../main/energy/queries';
import { SettingsStore } from '../main/settings/settings';
import { topicOf } from '../main/site-link/interface/topics';
import { openDatabase } from '../main/store/database';
import { tempDir, testCore, waitFor } from '../main/testing/harness';
import { startMosquitto, type Broker } from '../main/testing/mosquitto';
import { openClient, startStationProcess } from '../main/testing/station';
import type { z } from 'zod';
import { benchPage, launchChromium } from './chromium';
import { BUILDINGS, dayReadings, fleet, QUARTER_MS, READINGS_PER_MESSAGE, registers, samplesOf, type Fleet } from './energy-fleet';
import type { PublisherDone, PublisherJob } from './energy-publisher';
import { median, Unmeasured, type Report } from './report';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};
/** The site: a year of 15-minute readings of 2 000 meters (70 080 000 samples); smaller for a trial run. */
const METERS = env('VIGIL_BENCH_ENERGY_METERS', 2000);
const DAYS = env('VIGIL_BENCH_ENERGY_DAYS', 365);
/** The slice the anomaly sweep's cost is measured on, with and without it. */
const SLICE_METERS = env('VIGIL_BENCH_ENERGY_ANOMALY_METERS', 200);
const SLICE_DAYS = env('VIGIL_BENCH_ENERGY_ANOMALY_DAYS', 60);
/** The publisher-alone run sends this many days of the site's readings (all of them for a smaller site). */
const PUBLISHER_DAYS = Math.min(DAYS, 30);
const ANOMALY_ROUNDS = 3;
const QUERY_CONNECTIONS = 5;
const PAGE_OPENS = 5;
/** Publisher connections, and how far (messages, ≈ 3.4 KB each) it may run ahead of the station. */
const CONNECTIONS = 2;
const LEAD = 20_000;
/** The site keeps a year of raw readings: a station opened on it does not start by purging half of them (the default keeps 180 days). */
const RETENTION_DAYS = 400;
/** One transaction per 2 000 messages in the bare loop: the ingest's own largest batch. */
const BARE_BATCH = 2000;
const SWEEP_MS = 5_000;
const ADMIN = { username: 'energy', displayName: 'Energy', password: 'Meter-Ledger-2026' };
// The broker settings docs/site-interface.md recommends for a site.
const BROKER = { maxQueuedMessages: 0, maxInflightMessages: 1000, autosaveOnChanges: false, autosaveInterval: 60, extraConfig: ['set_tcp_nodelay true'] };
const PUBLISHER = path.join(import.meta.dirname, 'energy-publisher.ts');

const log = (line: string) => console.error(`energy: ${line}`);
const dbFile = (dataDir: string) => path.join(dataDir, 'vigil.db');
/** The current quarter hour: the last reading of every fleet, so the page's "today" holds data and the sweep judges the last nights. */
const lastQuarter = () => Math.floor(Date.now() / QUARTER_MS) * QUARTER_MS;

type Publisher = { ready: Promise<void>; go(): void; taken(messages: number): void; done: Promise<PublisherDone> };

/** The gateways' process (bench/energy-publisher.ts), ready with its first day serialised. */
function startPublisher(job: PublisherJob): Publisher {
  const child = fork(PUBLISHER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let ready: () => void = () => undefined;
  let done: (result: PublisherDone) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const readyPromise = new Promise<void>((resolve, reject) => ((ready = resolve), (failed = reject)));
  const donePromise = new Promise<PublisherDone>((resolve, reject) => {
    done = resolve;
    const fail = failed;
    failed = (error) => (fail(error), reject(error));
  });
  void donePromise.catch(() => undefined);
  child.on('message', (message: { t: 'ready' } | ({ t: 'done' } & PublisherDone)) => (message.t === 'ready' ? ready() : done(message)));
  child.once('exit', (code) => failed(new Error(`the publisher exited with ${code} before it was done`)));
  child.send(job);
  return {
    ready: readyPromise,
    go: () => child.send({ t: 'go' }),
    // The publisher leaves once it is done; news for it after that goes nowhere.
    taken: (messages) => child.connected && child.send({ t: 'taken', messages }, () => undefined),
    done: donePromise,
  };
}

/** Each meter's retained deviceInfo, as its gateway announces it. */
async function announceMeters(broker: Broker, site: string, meters: Fleet['meters']): Promise<void> {
  const gateway = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: `bench-energy-registrar-${site}` });
  await Promise.all(meters.map(({ device }) => gateway.publishAsync(topicOf('deviceInfo', { site, code: device.code }), JSON.stringify({ ...device.info, ts: 1 }), { qos: 1, retain: true })));
  await gateway.endAsync();
}

type Ingested = { perSecond: number; seconds: number; publisher: PublisherDone; /** night-flow anomalies found by the sweeps after the last sample */ anomalies: number };

/**
 * The station's real ingest of a fleet's readings: a core on `dataDir`
 * connected to the broker (link → decode → MeterLedger → SQLite), its meters
 * registered by retained deviceInfo first; from the publisher's go to the
 * commit of the batch holding the last reading. Fails on any reading not
 * stored once.
 */
async function stationIngest(broker: Broker, site: Fleet, options: { siteId: string; dataDir: string; energyAnomalies: boolean }): Promise<Ingested> {
  const settings = openDatabase(dbFile(options.dataDir));
  new SettingsStore(settings).update({ historyRetentionDays: RETENTION_DAYS });
  settings.close();
  const core = testCore({
    dataDir: options.dataDir,
    site: { id: options.siteId, name: options.siteId, brokers: [broker.url], demo: false },
    checkOutputs: false,
    // The product's sweep period, not the tests' 50 ms.
    lockSweepMs: SWEEP_MS,
    energyAnomalies: options.energyAnomalies,
  });
  try {
    await waitFor(() => !!core.link?.connected, 'the station to connect');
    await announceMeters(broker, options.siteId, site.meters);
    await waitFor(() => site.meters.every((meter) => core.registry.has(meter.device.code)), 'the meters to be registered', 60_000);

    const expected = samplesOf(site);
    const lastAt = site.first + (expected / site.meters.length - 1) * QUARTER_MS;
    // Done when every meter's last reading is committed (its state is written with it); cheap to ask, unlike a count of the readings.
    const metersDone = core.db.prepare<[number], number>('SELECT count(*) FROM meter_state WHERE last_at = ?').pluck();
    const publisher = startPublisher({ url: broker.url, site: options.siteId, meters: site.meters.length, days: site.days, last: site.story.anchor, connections: CONNECTIONS, lead: LEAD, clientId: `bench-energy-gateway-${options.siteId}` });
    await publisher.ready;
    const receivedBefore = core.ingest.stats().totals.received;
    let lastCommit = 0;
    const stopWatch = core.ingest.onCommit(() => (lastCommit = performance.now()));
    const feed = setInterval(() => publisher.taken(core.ingest.stats().totals.received - receivedBefore), 50);
    const started = performance.now();
    let progressAt = started;
    let publisherFailed: unknown = null;
    publisher.done.catch((error: unknown) => (publisherFailed = error));
    publisher.go();
    try {
      await waitFor(
        () => {
          if (publisherFailed) throw publisherFailed instanceof Error ? publisherFailed : new Error(String(publisherFailed));
          if (performance.now() - progressAt > 60_000) {
            const readings = core.ingest.stats().totals.readings;
            progressAt = performance.now();
            log(`${options.siteId}: ${readings.toLocaleString('en')} of ${expected.toLocaleString('en')} samples taken, ${Math.round(readings / ((progressAt - started) / 1000))} a second so far`);
          }
          return metersDone.get(lastAt) === site.meters.length;
        },
        `${expected} samples to be stored`,
        Math.max(120_000, expected / 5),
      );
    } finally {
      clearInterval(feed);
      stopWatch();
    }
    const seconds = (lastCommit - started) / 1000;
    const published = await publisher.done;
    const { totals } = core.ingest.stats();
    if (published.samples !== expected) throw new Error(`the publisher sent ${published.samples} samples, not ${expected}`);
    if (totals.quarantined) throw new Error(`the ingest quarantined ${totals.quarantined} messages`);
    // Messages the broker delivered again after a reconnect are taken again and their readings refused as duplicates.
    if (totals.readings !== expected) log(`${options.siteId}: ${totals.readings - expected} samples delivered again after reconnects (refused as duplicates)`);
    checkStored(core.db, site);
    // Untimed: the sweeps that follow judge the last nights (a station with the sweep on finds C栋's leak within two).
    const anomalies = () => core.db.prepare('SELECT count(*) FROM energy_anomalies').pluck().get() as number;
    const settled = performance.now();
    while (performance.now() - settled < 2 * SWEEP_MS + 1000 && !(options.energyAnomalies && anomalies())) await new Promise((resolve) => setTimeout(resolve, 100));
    return { perSecond: expected / seconds, seconds, publisher: published, anomalies: anomalies() };
  } finally {
    await closeCore(core, options.siteId);
  }
}

/** Closes a station; one whose close hangs (its site link's stop) is left open and said so, the figures already taken. */
async function closeCore(core: Core, siteId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([core.close().then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 30_000)))]);
  clearTimeout(timer);
  if (!closed) log(`${siteId}: WARNING: core.close() did not finish within 30 s (the site link's stop); the station is left open`);
}

/**
 * The store holds every published sample once, and the rollups add up to
 * what the registers say was used: a lost or doubled span shows in the
 * daily and monthly sums.
 */
function checkStored(db: ReturnType<typeof openDatabase>, site: Fleet): void {
  const expected = samplesOf(site);
  const stored = db.prepare('SELECT count(*) FROM meter_readings').pluck().get() as number;
  if (stored !== expected) throw new Error(`meter_readings holds ${stored} samples, ${expected} were published`);
  const first = db.prepare<[string], number>('SELECT value FROM meter_readings WHERE code = ? ORDER BY at LIMIT 1').pluck();
  const last = db.prepare<[string], number>('SELECT last_value FROM meter_state WHERE code = ?').pluck();
  const used = site.meters.reduce((sum, { device }) => sum + (last.get(device.code)! - first.get(device.code)!), 0);
  // Meter by meter: each a range of the rollups' primary key, not a scan of them all.
  const sum = db.prepare<[string, number], number>('SELECT sum(amount) FROM energy_rollups WHERE code = ? AND step = ?').pluck();
  for (const step of [2, 3]) {
    const rolled = site.meters.reduce((total, { device }) => total + (sum.get(device.code, step) ?? 0), 0);
    if (Math.abs(rolled - used) > 1e-6 * used) throw new Error(`the step ${step} rollups add up to ${rolled}, the registers moved by ${used}`);
  }
}

/** The gateways alone: the same publisher sending to a site nobody subscribes to, first publish → last PUBACK. */
async function publisherAlone(broker: Broker, site: Fleet): Promise<number> {
  const publisher = startPublisher({ url: broker.url, site: 'energy-publisher-alone', meters: site.meters.length, days: PUBLISHER_DAYS, last: site.story.anchor, connections: CONNECTIONS, lead: Number.MAX_SAFE_INTEGER, clientId: 'bench-energy-gateway-alone' });
  await publisher.ready;
  publisher.go();
  const done = await publisher.done;
  return done.samples / (done.ms / 1000);
}

/**
 * The reference: the same samples, in the same order, written into the same
 * schema by a plain loop in one process: a prepared INSERT per raw reading,
 * the meter's state per message, and the 15-minute, hour, day and month
 * rollups summed per transaction and upserted as the ledger does, one
 * transaction per 2 000 messages. No MQTT, no decoding, no validation; the
 * samples are made before each day is timed.
 */
function bareLoop(site: Fleet): number {
  const dataDir = tempDir('vigil-bench-energy-bare-');
  try {
    const db = openDatabase(dbFile(dataDir));
    const calendar = new EnergyCalendar(DEFAULT_TIME_ZONE);
    const raw = db.prepare('INSERT INTO meter_readings (code, at, value) VALUES (?, ?, ?)');
    const state = db.prepare('INSERT INTO meter_state (code, last_at, last_value) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET last_at = excluded.last_at, last_value = excluded.last_value');
    const rollup = db.prepare('INSERT INTO energy_rollups (code, step, start, amount) VALUES (?, ?, ?, ?) ON CONFLICT(code, step, start) DO UPDATE SET amount = amount + excluded.amount');
    const quarters = site.days * READINGS_PER_MESSAGE;
    // Every meter reads at the same quarters: where each quarter's hour, day and month start, once.
    const startsOf = (['1h', '1d', '1mo'] as const).map((step) => Float64Array.from({ length: quarters }, (_, q) => calendar.start(step, site.first + q * QUARTER_MS)));
    const registerOf = registers(site);
    const codes = site.meters.map((meter) => meter.device.code);
    const previous = new Float64Array(codes.length).fill(Number.NaN);
    const write = db.transaction((day: number, values: Float64Array[], from: number, to: number) => {
      for (let m = from; m < to; m++) {
        const code = codes[m]!;
        const sums = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
        const readings = values[m]!;
        for (let k = 0; k < READINGS_PER_MESSAGE; k++) {
          const q = day * READINGS_PER_MESSAGE + k;
          const at = site.first + q * QUARTER_MS;
          const value = readings[k]!;
          raw.run(code, at, value);
          const before = previous[m]!;
          previous[m] = value;
          if (Number.isNaN(before)) continue;
          // The span since the previous reading is the quarter before this one; a water register wraps at 10⁶.
          const amount = value >= before ? value - before : value + 1_000_000 - before;
          if (amount === 0) continue;
          rollup.run(code, 0, at - QUARTER_MS, amount);
          for (let s = 0; s < 3; s++) {
            const start = startsOf[s]![q - 1]!;
            sums[s]!.set(start, (sums[s]!.get(start) ?? 0) + amount);
          }
        }
        state.run(code, site.first + (day * READINGS_PER_MESSAGE + READINGS_PER_MESSAGE - 1) * QUARTER_MS, readings[READINGS_PER_MESSAGE - 1]);
        sums.forEach((sum, s) => sum.forEach((amount, start) => rollup.run(code, s + 1, start, amount)));
      }
    });
    let ms = 0;
    for (let day = 0; day < site.days; day++) {
      const values = registerOf.map((register) => Float64Array.from(dayReadings(site, register, day), (reading) => reading.value));
      const started = performance.now();
      for (let from = 0; from < codes.length; from += BARE_BATCH) write(day, values, from, Math.min(codes.length, from + BARE_BATCH));
      ms += performance.now() - started;
    }
    const stored = db.prepare('SELECT count(*) FROM meter_readings').pluck().get() as number;
    db.close();
    if (stored !== samplesOf(site)) throw new Error(`the bare loop stored ${stored} samples of ${samplesOf(site)}`);
    return samplesOf(site) / (ms / 1000);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

type SeriesInput = z.input<typeof EnergySeriesInput>;

/** The site's local date of `at`, YYYY-MM-DD. */
const localDate = (calendar: EnergyCalendar, at: number) => new Date(at + calendar.offset(at)).toISOString().slice(0, 10);

/**
 * Each query's first call on a fresh connection (database opened,
 * migrations checked, EnergyQueries built, nothing prepared or cached by
 * SQLite), on the ingested store; a connection per call, five per query.
 */
function coldQueries(report: Report, dataDir: string, site: Fleet): void {
  const calendar = new EnergyCalendar(DEFAULT_TIME_ZONE);
  const lastDay = localDate(calendar, site.story.anchor);
  const middleDay = localDate(calendar, site.first + Math.floor(site.days / 2) * 86_400_000);
  // The last whole month: the 1st of this month, less a day.
  const lastMonth = localDate(calendar, calendar.start('1mo', site.story.anchor) - 1);
  const meter = site.meters.find((entry) => entry.kind === 'electricity')!.device.code;
  const queries: { figure: string; target: number; input: SeriesInput }[] = [
    { figure: 'energy_building_12mo_trend_ms', target: 50, input: { scope: { building: BUILDINGS[0]! }, kind: 'electricity', period: { unit: 'year', date: lastDay }, step: '1mo', compare: true } },
    { figure: 'energy_meter_day_15m_ms', target: 10, input: { scope: { meter }, kind: 'electricity', period: { unit: 'day', date: middleDay }, step: '15m', compare: true } },
    // 同比 of the whole site: its last whole month by days, beside the month before and the same month a year before.
    { figure: 'energy_site_yoy_ms', target: 100, input: { scope: { site: true }, kind: 'electricity', period: { unit: 'month', date: lastMonth }, step: '1d', compare: true } },
  ];
  for (const { figure, target, input } of queries) {
    const runs: number[] = [];
    for (let connection = 0; connection < QUERY_CONNECTIONS; connection++) {
      const db = openDatabase(dbFile(dataDir));
      try {
        const energy = new EnergyQueries(db, new EnergyCalendar(DEFAULT_TIME_ZONE));
        const started = performance.now();
        const series = energy.series({ ...input, compare: input.compare ?? false });
        runs.push(performance.now() - started);
        if (!(series.total > 0)) throw new Unmeasured('energy', figure, `${JSON.stringify(input)} found nothing: the benchmark data is wrong`);
      } finally {
        db.close();
      }
    }
    log(`${figure}: ${JSON.stringify(input)}`);
    report.add(figure, median(runs), 'ms', 'lower', target, runs);
  }
}

/**
 * The energy page opened in Chromium on `vigil serve` holding the ingested
 * site: signed in on the rules page in a fresh browser context, then the
 * page's address set to #/energy (as the menu does) → the trend and the
 * breakdown charts drawn with their data (their `data-painted` counts the
 * data items the canvas shows) and the next frame produced. The energy
 * page's code, its meters, series and breakdown are all fetched anew.
 */
async function pageOpens(broker: Broker, dataDir: string, siteId: string): Promise<number[]> {
  const station = await startStationProcess({ dataDir, broker: broker.url, site: siteId, station: 'bench-energy-desk' });
  const browser = await launchChromium();
  try {
    const admin = await openClient(station.url);
    await admin.call('auth.setup', { ...ADMIN, station: 'bench' });
    admin.close();
    const opens: number[] = [];
    for (let run = 0; run < PAGE_OPENS; run++) {
      const page = await benchPage(browser, { viewport: { width: 1600, height: 900 } });
      try {
        await page.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
        page.on('console', (message) => message.text().startsWith('energy page:') && log(message.text()));
        await page.goto(`${station.url}#/rules`);
        await page.locator('#username').fill(ADMIN.username);
        await page.locator('#password').fill(ADMIN.password);
        await page.locator('button[type=submit]').click();
        await page.getByTestId('page-rules').waitFor();
        opens.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const started = performance.now();
                location.hash = '#/energy';
                const charts = ['energy-trend-chart', 'energy-breakdown-chart'];
                let mounted = 0;
                const look = () => {
                  if (!mounted && document.querySelector('[data-testid="page-energy"]')) mounted = performance.now() - started;
                  const drawn = charts.map((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-painted'));
                  if (drawn.every((items) => Number(items ?? 0) > 0)) {
                    console.log(`energy page: mounted after ${mounted.toFixed(0)} ms (its code loaded)`);
                    return void requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
                  }
                  if (performance.now() - started > 20_000) return reject(new Error(`the energy charts were not drawn with data within 20 s (data items drawn: ${drawn.join(', ')})`));
                  requestAnimationFrame(look);
                };
                look();
              }),
          ),
        );
      } finally {
        await page.context().close();
      }
    }
    return opens;
  } finally {
    await browser.close();
    await station.kill('SIGTERM');
  }
}

/**
 * The anomaly sweep's cost: the same slice ingested by a station with the
 * energy anomaly sweep (night flow, every 5 s) and by one with it switched
 * off, each on a fresh store, rounds alternating which goes first. The
 * slice ends now, so the sweep judges its last nights (C栋's leak raises an
 * alarm; a sweep that raised none did not run, and fails the bench).
 */
async function anomalyCost(report: Report, broker: Broker, dataDirs: string[]): Promise<void> {
  const slice = fleet(SLICE_METERS, SLICE_DAYS, lastQuarter());
  const runs: { on: number; off: number }[] = [];
  for (let round = 0; round < ANOMALY_ROUNDS; round++) {
    const run = { on: 0, off: 0 };
    for (const on of round % 2 ? [false, true] : [true, false]) {
      const dataDir = tempDir('vigil-bench-energy-anomaly-');
      dataDirs.push(dataDir);
      const result = await stationIngest(broker, slice, { siteId: `energy-anomaly-${on ? 'on' : 'off'}-${round}`, dataDir, energyAnomalies: on });
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (on && !result.anomalies) throw new Unmeasured('energy', 'energy_anomaly_cost_ratio', 'the sweep raised no anomaly on the slice: it did not judge its nights');
      if (!on && result.anomalies) throw new Error(`the station with the sweep off raised ${result.anomalies} anomalies`);
      run[on ? 'on' : 'off'] = result.perSecond;
    }
    log(`anomaly round ${round + 1}: with the sweep ${Math.round(run.on)} samples/s, without ${Math.round(run.off)}`);
    runs.push(run);
  }
  const label = `${SLICE_METERS} meters × ${SLICE_DAYS} days`;
  log(`anomaly slice: ${label} (${samplesOf(slice).toLocaleString('en')} samples)`);
  report.add('energy_anomaly_on_samples_per_s', median(runs.map((run) => run.on)), 'samples/s', 'higher', undefined, runs.map((run) => run.on));
  report.add('energy_anomaly_off_samples_per_s', median(runs.map((run) => run.off)), 'samples/s', 'higher', undefined, runs.map((run) => run.off));
  const ratios = runs.map((run) => run.on / run.off);
  report.add('energy_anomaly_cost_ratio', median(ratios), 'ratio', 'higher', 0.7, ratios);
}

/** `npm run bench -- energy`: the energy ledger's figures (issue: a year of 2 000 meters). */
export async function energy(report: Report): Promise<void> {
  if (!fs.existsSync('out/renderer/index.html')) throw new Error('build first: npm run build');
  const site = fleet(METERS, DAYS, lastQuarter());
  const samples = samplesOf(site);
  log(`${METERS} meters × ${DAYS} days of 15-minute readings: ${samples.toLocaleString('en')} samples in ${(METERS * DAYS).toLocaleString('en')} messages`);
  const broker = await startMosquitto(BROKER);
  const dataDirs: string[] = [];
  try {
    const alone = await publisherAlone(broker, site);
    log(`publisher alone (${PUBLISHER_DAYS} days of every meter, nobody subscribed): ${Math.round(alone)} samples/s`);
    report.add('energy_publisher_samples_per_s', alone, 'samples/s', 'higher');

    const dataDir = tempDir('vigil-bench-energy-');
    dataDirs.push(dataDir);
    const station = await stationIngest(broker, site, { siteId: 'energy', dataDir, energyAnomalies: true });
    log(`station: ${samples.toLocaleString('en')} samples in ${station.seconds.toFixed(1)} s; the publisher was held back ${(station.publisher.waitedForStationMs / 1000).toFixed(1)} s of it by its lead; ${station.anomalies} night-flow anomalies found`);
    report.add('energy_ingest_samples_per_s', station.perSecond, 'samples/s', 'higher', 50_000);
    const size = fs.statSync(dbFile(dataDir)).size;
    log(`store: ${(size / 2 ** 30).toFixed(2)} GiB`);

    coldQueries(report, dataDir, site);
    const opens = await pageOpens(broker, dataDir, 'energy');
    report.add('energy_page_open_ms', median(opens), 'ms', 'lower', 500, opens);

    const bare = bareLoop(site);
    report.add('energy_ingest_bare_samples_per_s', bare, 'samples/s', 'higher');
    report.add('energy_ingest_ratio', station.perSecond / bare, 'ratio', 'higher');
    fs.rmSync(dataDir, { recursive: true, force: true });

    await anomalyCost(report, broker, dataDirs);
  } finally {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    await broker.close();
  }
}
