import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';
import { freePort } from '../testing/processes';

/**
 * A site broker that speaks only TLS and asks for client certificates:
 * the station connects with the site's CA pinned and its own certificate,
 * and refuses a broker whose certificate another CA signed.
 */
const certs = tempDir('vigil-certs-');
const file = (name: string) => path.join(certs, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: certs, stdio: 'pipe' });
}

function authority(name: string): void {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`);
}

function issue(name: string, ca: string, extensions?: string): void {
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`);
  if (extensions) fs.writeFileSync(file(`${name}.ext`), extensions);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-out', `${name}.pem`, ...(extensions ? ['-extfile', `${name}.ext`] : []));
}

let broker: Broker;
let tlsUrl: string;

beforeAll(async () => {
  authority('site-ca');
  authority('rogue-ca');
  issue('broker', 'site-ca', 'subjectAltName=IP:127.0.0.1\n');
  issue('station', 'site-ca');
  issue('impostor', 'rogue-ca');
  const port = await freePort();
  tlsUrl = `mqtts://127.0.0.1:${port}`;
  broker = await startMosquitto({
    extraConfig: [`listener ${port} 127.0.0.1`, `cafile ${file('site-ca.pem')}`, `certfile ${file('broker.pem')}`, `keyfile ${file('broker.key')}`, 'require_certificate true'],
  });
}, 60_000);

afterAll(() => broker?.close());

const site = (tls: { ca?: string; cert?: string; key?: string }) => ({ id: 'park', name: 'park', brokers: [tlsUrl], demo: false, tls });

describe('TLS to the site broker', () => {
  it('connects with the site CA pinned and the station certificate', async () => {
    const core = testCore({ site: site({ ca: read('site-ca.pem'), cert: read('station.pem'), key: read('station.key') }) });
    await waitFor(() => !!core.link?.connected, 'the TLS link');
    expect(core.link!.linkState).toMatchObject({ state: 'online', broker: expect.stringContaining('mqtts://127.0.0.1') });
    await core.close();
  });

  it('refuses a broker whose certificate the pinned CA did not sign', async () => {
    const core = testCore({ site: site({ ca: read('rogue-ca.pem'), cert: read('station.pem'), key: read('station.key') }) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(core.link!.connected).toBe(false);
    expect(core.link!.linkState.state).not.toBe('online');
    await core.close();
  });

  it('is refused by a broker that requires a certificate from its own CA', async () => {
    const core = testCore({ site: site({ ca: read('site-ca.pem'), cert: read('impostor.pem'), key: read('impostor.key') }) });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(core.link!.connected).toBe(false);
    expect(broker.log()).toMatch(/OpenSSL Error|certificate verify failed|unknown ca/i);
    await core.close();
  });
});
