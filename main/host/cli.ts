#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS } from '../demo/accounts';
import { stationLogger } from '../logging/log-files';
import { AnomalyThresholdsSchema, SitePositionSchema, type AnomalyThresholds, type SitePosition } from '../contract';
import { runVerify } from '../evidence/verify-cli';
import { checkOwnerOnly } from '../signing/station-key';
import { runDiag } from '../ops/diag-cli';
import { runAuditVerify } from '../audit/verify-cli';
import { startStation } from './station';
import { startWebHost } from './web-host';

const USAGE = `vigil serve [options]

Serves Vigil to a browser on this machine.

  --demo              run on the built-in demo park (the default when no --broker is given)
  --demo-mosquitto    run the demo park's broker as a mosquitto process (installed) instead of the embedded one
  --broker URL        the site's MQTT broker, e.g. mqtts://broker.example:8883; repeat for fail-over
  --username NAME     broker user name
  --password-file F   a file holding the broker password (readable by this user only)
  --ca FILE           the site's CA certificate (PEM): only brokers it signed are trusted
  --cert FILE         client certificate (PEM), with --key FILE, for brokers that require one
  --mqtt 5|4          MQTT version the broker speaks (default 5; 4 is 3.1.1, e.g. the demo park's embedded broker)
  --site ID           the site's id in the topic tree (vigil/v1/{site}/…)
  --site-name NAME    the site's name as officers know it
  --station NAME      this station's name on the site (default: the host name)
  --time-zone ZONE    the site's IANA time zone, for energy's days and months (default Asia/Shanghai)
  --position LAT,LON  the site's latitude and longitude in degrees, for its lighting's sunrise and sunset (default Shanghai)
  --anomalies FILE    the site's energy anomaly thresholds (JSON, the shape of DEFAULT_ANOMALY_THRESHOLDS; default those)
  --port N            HTTP port (default 4300)
  --host ADDRESS      address to bind (default 127.0.0.1; anything else is reachable from the network)
  --data DIR          station data folder (default ~/.vigil, or ~/.vigil/demo for the demo)
  --allow-origin URL  a further page origin allowed to connect (repeatable)

vigil verify FILE [--trust FINGERPRINT] [--json]

Checks an incident's evidence package offline, with nothing but the file (vigil verify --help).

vigil diag [--data DIR] [--out FILE]

Writes a diagnostics bundle for IT: versions, configuration without secrets, counters, integrity check, recent logs (vigil diag --help).

vigil audit verify [--data DIR] [--json]

Checks the station's audit trail offline: the first bad row, and rows deleted from its end (vigil audit verify --help).
`;

/** `--position 32.07,121.07`: latitude then longitude, in degrees. */
function parsePosition(text: string): SitePosition {
  const parsed = SitePositionSchema.safeParse(Object.fromEntries(text.split(',').map((part, index) => [index ? 'longitude' : 'latitude', Number(part)])));
  if (!parsed.success || text.split(',').length !== 2) throw new Error(`--position ${text}: latitude,longitude in degrees, such as 32.07,121.07`);
  return parsed.data;
}

/** `--anomalies FILE`: the site's thresholds, checked whole; a bad file stops the station with where it is wrong. */
function readThresholds(file: string): AnomalyThresholds {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--anomalies ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = AnomalyThresholdsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`--anomalies ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'boolean', default: false },
      'demo-mosquitto': { type: 'boolean', default: false },
      broker: { type: 'string', multiple: true, default: [] },
      username: { type: 'string' },
      'password-file': { type: 'string' },
      ca: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      site: { type: 'string' },
      mqtt: { type: 'string', default: '5' },
      'site-name': { type: 'string' },
      station: { type: 'string' },
      'time-zone': { type: 'string' },
      position: { type: 'string' },
      anomalies: { type: 'string' },
      port: { type: 'string', default: '4300' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(USAGE);
  const demo = values.demo || values.broker.length === 0;
  if (!demo && !values.site) throw new Error('--site is required with --broker');
  if (values.mqtt !== '5' && values.mqtt !== '4') throw new Error(`--mqtt ${values.mqtt}: 5 or 4 (3.1.1)`);
  if (values['time-zone']) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: values['time-zone'] });
    } catch {
      throw new Error(`--time-zone ${values['time-zone']}: not an IANA time zone such as Asia/Shanghai`);
    }
  }
  const position = values.position === undefined ? undefined : parsePosition(values.position);
  const anomalyThresholds = values.anomalies === undefined ? undefined : readThresholds(values.anomalies);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number`);

  const dataDir = path.resolve(values.data ?? path.join(os.homedir(), '.vigil', demo ? 'demo' : ''));
  // stderr as before, and DATA/logs for the diagnostics bundle; a folder that cannot be written stops the station here.
  const { logger, files: logFiles } = stationLogger(dataDir);
  await logFiles;
  if (!['127.0.0.1', 'localhost', '::1'].includes(values.host)) {
    logger.warn({ host: values.host }, 'binding beyond this machine: anyone who can reach it gets the sign-in page');
  }
  const read = (file: string | undefined) => (file ? fs.readFileSync(file, 'utf8') : undefined);
  // The broker password and the client key stay in files only their owner can read, and are read only from there.
  const readSecret = (flag: string, file: string | undefined) => {
    if (file) checkOwnerOnly(file, `take ${flag} from it`);
    return read(file);
  };
  const site = demo
    ? null
    : {
        id: values.site!,
        name: values['site-name'] ?? values.site!,
        brokers: values.broker,
        username: values.username,
        password: readSecret('--password-file', values['password-file'])?.trim(),
        tls: values.ca || values.cert ? { ca: read(values.ca), cert: read(values.cert), key: readSecret('--key', values.key) } : undefined,
        protocolVersion: values.mqtt === '4' ? (4 as const) : (5 as const),
        timeZone: values['time-zone'],
        position,
        anomalyThresholds,
      };
  // Built: out/core/cli.js beside out/renderer. From source (tsx): main/host/cli.ts, renderer in out/renderer.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = [path.resolve(here, '../renderer'), path.resolve(here, '../../out/renderer')].find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? path.resolve(here, '../renderer');
  // The web host listens while the station starts (database, the demo's accounts): a window loads its code meanwhile.
  const starting = startStation({ dataDir, site, logger, station: values.station, demoBroker: values['demo-mosquitto'] ? 'mosquitto' : 'embedded' });
  const host = await startWebHost({ core: starting.then((started) => started.core), rendererDir, host: values.host, port, logger, allowedOrigins: values['allow-origin'] }).catch(
    async (error: unknown) => {
      await (await starting).stop();
      throw error;
    },
  );
  const station = await starting.catch(async (error: unknown) => {
    await host.close();
    throw error;
  });
  process.stdout.write(`Vigil is serving ${station.siteName} at ${host.url}\n`);
  if (demo) {
    process.stdout.write(`Demo accounts: ${DEMO_ACCOUNTS.map((account) => `${account.username} / ${account.password}`).join(', ')}\n`);
  }

  const shutdown = async () => {
    await host.close();
    await station.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'serve') {
  serve(rest).catch((error: unknown) => {
    process.stderr.write(`vigil serve: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
} else if (command === 'verify') {
  // Offline: reads the file and nothing else (no station, no data folder).
  runVerify(rest, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      process.stderr.write(`vigil verify: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
} else if (command === 'diag') {
  runDiag(rest, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      process.stderr.write(`vigil diag: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
} else if (command === 'audit' && rest[0] === 'verify') {
  // Offline: reads the data folder's database and key file, and writes nothing.
  try {
    process.exitCode = runAuditVerify(rest.slice(1), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  } catch (error) {
    process.stderr.write(`vigil audit verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
} else {
  process.stdout.write(USAGE);
  process.exit(command === undefined || command === 'help' ? 0 : 2);
}
