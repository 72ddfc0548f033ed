import BetterSqlite3 from 'better-sqlite3';
import mqtt from 'mqtt';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../contract';
import { openZip } from '../evidence/zip-reader';
import { sha256 } from '../evidence/hashing';
import { KEY_FILE, loadStationKey } from '../signing/station-key';
import { startMosquitto, type Broker } from '../testing/mosquitto';
import { tempDir } from '../testing/harness';
import { adminStation, type StationProcess } from '../testing/station';

// Every secret a station holds, configured the way IT configures them: none may reach the bundle in any form.
const BROKER_PASSWORD = 'Broker-Pass-7f3K9q!';
const CAMERA_PASSWORD = 'Camera-Pass-Zx81#wq';
const ADMIN = { username: 'it-admin', password: 'Admin-Pass-Ho72&kd', displayName: 'IT' };
/** A camera with a sign-in whose address refuses: the station logs ffmpeg's error and names the camera. */
const CAMERA = '32061201011320000012';

let broker: Broker;
let station: StationProcess;
let client: CoreClient;
let dataDir: string;
let clientKeyPem: string;
let token: string;

beforeAll(async () => {
  broker = await startMosquitto({ auth: { username: 'vigil-station', password: BROKER_PASSWORD } });
  const secrets = tempDir();
  fs.writeFileSync(path.join(secrets, 'broker-password'), `${BROKER_PASSWORD}\n`, { mode: 0o600 });
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(secrets, 'client.key'), '-out', path.join(secrets, 'client.crt'), '-subj', '/CN=vigil-station', '-days', '1']);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr.toString()}`);
  clientKeyPem = fs.readFileSync(path.join(secrets, 'client.key'), 'utf8');
  dataDir = tempDir();
  loadStationKey(dataDir);
  ({ process: station, client, token } = await adminStation(
    {
      dataDir,
      broker: broker.url,
      site: 'secret-site',
      station: 'desk-1',
      // Debug: every line the station can write goes to its log files.
      logLevel: 'debug',
      args: ['--username', 'vigil-station', '--password-file', path.join(secrets, 'broker-password'), '--cert', path.join(secrets, 'client.crt'), '--key', path.join(secrets, 'client.key')],
    },
    ADMIN,
  ));
  await client.call('video.credentials', { scope: '*', username: 'cam-operator', password: CAMERA_PASSWORD });
  // The link is up with the password: the log files hold its lines before the bundle is made.
  const deadline = Date.now() + 15_000;
  while ((await client.call('ops.link', {})).state !== 'online') {
    if (Date.now() > deadline) throw new Error('the station never came on line with its broker password');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await cameraFailsWithCredentials();
}, 60_000);

/** The site registers a camera; a window opens it signed in as cam-operator; ffmpeg fails and the station logs its error. */
async function cameraFailsWithCredentials(): Promise<void> {
  const site = await mqtt.connectAsync(broker.url, { username: 'vigil-station', password: BROKER_PASSWORD, reconnectPeriod: 0 });
  const info = { name: 'Gate camera', area: 'North', building: 'A', floor: '1F', streams: [{ profile: 'main', url: 'rtsp://127.0.0.1:1/stream' }], ts: Date.now() };
  await site.publishAsync(`vigil/v1/secret-site/devices/${CAMERA}/info`, JSON.stringify(info), { qos: 1, retain: true });
  await site.endAsync();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const opened = await client.call('video.open', { camera: CAMERA }).catch(() => null);
    if (opened) break;
    if (Date.now() > deadline) throw new Error('the station never knew the camera');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  while (!logText(dataDir).includes('camera stream ended')) {
    if (Date.now() > deadline) throw new Error('the camera stream never failed in the logs');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function logText(dir: string): string {
  const folder = path.join(dir, 'logs');
  return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name), 'utf8')).join('') : '';
}

afterAll(async () => {
  await station?.kill('SIGTERM');
  await broker?.stop();
});

/** Every form a secret could take in a file: as it is, JSON-escaped, base64, URL-encoded, and each line of a PEM. */
function formsOf(secret: string): string[] {
  const lines = secret.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));
  return [secret, JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64'), encodeURIComponent(secret), ...lines];
}

describe('the diagnostics bundle of a station configured with secrets', () => {
  it('holds versions, configuration, health, counters, integrity, logs and a manifest, and no secret in any form', async () => {
    const started = Date.now();
    const bundle = await client.call('ops.diagnostics', {});
    const tookMs = Date.now() - started;
    const zip = await openZip(path.join(dataDir, bundle.file));
    const files = new Map<string, Buffer>();
    for (const name of zip.names) files.set(name, await zip.read(name, 64 * 1024 * 1024));
    zip.close();

    expect([...files.keys()]).toEqual(expect.arrayContaining(['versions.json', 'configuration.json', 'health.json', 'counters.json', 'integrity.txt', 'manifest.json']));
    expect([...files.keys()].some((name) => /^logs\/.+\.log$/.test(name))).toBe(true);
    // Each file as the manifest says.
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.map((file) => file.path).sort()).toEqual([...files.keys()].filter((name) => name !== 'manifest.json').sort());
    for (const file of manifest.files) expect(sha256(files.get(file.path)!), file.path).toBe(file.sha256);

    // The logs are real: the link's lines are there.
    const logs = [...files].filter(([name]) => name.startsWith('logs/')).map(([, bytes]) => bytes.toString()).join('');
    expect(logs).toContain('site link state');
    // ffmpeg's own error is there, and the camera named without its sign-in: not even the user name is left.
    expect(logs).toContain('camera stream ended');
    expect(logs).toContain('"source":"rtsp://***@127.0.0.1:1/stream"');
    expect(logs).toContain('503 Camera unreachable (connect ECONNREFUSED 127.0.0.1:1)');
    expect(logs).not.toContain('cam-operator');
    const integrity = files.get('integrity.txt')!.toString();
    expect(integrity).toMatch(/PRAGMA integrity_check\nok\n/);
    expect(integrity).toMatch(/PRAGMA foreign_key_check\nok\n/);
    expect(JSON.parse(files.get('health.json')!.toString())).toMatchObject({ link: { state: 'online' } });
    expect(JSON.parse(files.get('versions.json')!.toString())).toMatchObject({ node: process.versions.node, sqlite: expect.stringMatching(/^3\./) });

    // The secrets' fields are listed as removed, not masked.
    const configuration = JSON.parse(files.get('configuration.json')!.toString()) as { site: { username: string; password: string; tls: { key: string; cert: { subject: string } } }; cameraCredentials: { scope: string; password: string }[] };
    expect(configuration.site).toMatchObject({ username: 'vigil-station', password: '[removed]', tls: { key: '[removed]', cert: { subject: 'CN=vigil-station' } } });
    expect(configuration.cameraCredentials).toEqual([expect.objectContaining({ scope: '*', username: '[removed]', password: '[removed]' })]);

    const passwordHash = passwordHashOf(dataDir, ADMIN.username);
    const stationKey = fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8');
    const secrets = { BROKER_PASSWORD, CAMERA_PASSWORD, 'admin password': ADMIN.password, 'session token': token, 'password hash': passwordHash, 'client key': clientKeyPem, 'station key': stationKey };
    for (const [what, secret] of Object.entries(secrets)) {
      for (const form of formsOf(secret)) {
        for (const [name, bytes] of files) expect(bytes.includes(form), `${what} in ${name}`).toBe(false);
      }
    }
    console.log(`diagnostics bundle: ${files.size} files, ${bundle.size} bytes, made in ${tookMs} ms`);
  });

  it('hands out a one-time download link for the bundle', async () => {
    const bundle = await client.call('ops.diagnostics', {});
    expect(bundle.download).toMatch(/^\/download\//);
    const url = new URL(bundle.download!, station.url).toString();
    const first = await fetch(url);
    expect([first.status, first.headers.get('content-type')]).toEqual([200, 'application/zip']);
    expect(Buffer.from(await first.arrayBuffer()).length).toBe(bundle.size);
    expect((await fetch(url)).status).toBe(404);
  });
});

function passwordHashOf(dir: string, username: string): string {
  const db = new BetterSqlite3(path.join(dir, 'vigil.db'), { readonly: true });
  try {
    const hash = db.prepare('SELECT password_hash FROM users WHERE username = ?').pluck().get(username) as string | undefined;
    if (!hash) throw new Error(`no user ${username}`);
    return hash;
  } finally {
    db.close();
  }
}
