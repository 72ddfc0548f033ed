import { openDatabaseReadOnly } from '../store/database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SettingsStore } from '../settings/settings';
import { loadDataKeyFile, SecretBox } from '../secrets/secret-box';
import { cameraCredentialScopes, cameraPasswords, secretForms, withoutSecrets } from './diagnostics-config';
import { bundlePath, writeDiagnostics } from './diagnostics';

export const DIAG_USAGE = `vigil diag [--data DIR] [--out FILE]

Writes a diagnostics bundle (诊断包) IT can send to whoever supports the station:
versions, the station's settings and camera credentials listed with every secret
removed, counters, the database's integrity check and the recent logs, with a
manifest of every file's SHA-256. Reads the data folder only; runs beside a
running station. The site's options (broker, password) are given to vigil serve
and are not in the folder: a bundle made from the Operations page has them, secrets removed.

  --data DIR   station data folder (default ~/.vigil)
  --out FILE   where to write the zip (default DIR/diagnostics/vigil-diagnostics-<time>.zip)

Exit status: 0 written, 1 failed, 2 usage error.
`;

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };

/** `vigil diag`: returns the exit status. */
export async function runDiag(argv: string[], out: Output): Promise<number> {
  let values: { data?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    out.stderr(`vigil diag: ${error instanceof Error ? error.message : String(error)}\n\n${DIAG_USAGE}`);
    return 2;
  }
  if (values.help) {
    out.stdout(DIAG_USAGE);
    return 0;
  }
  const dataDir = path.resolve(values.data ?? path.join(os.homedir(), '.vigil'));
  const dbFile = path.join(dataDir, 'vigil.db');
  if (!fs.existsSync(dbFile)) {
    out.stderr(`vigil diag: ${dataDir} holds no station database (vigil.db): which data folder? (--data DIR)\n`);
    return 1;
  }
  // Read-only: a running station keeps writing, and the bundle must not change what it describes.
  const db = openDatabaseReadOnly(dbFile);
  const dataKey = loadDataKeyFile(dataDir, { create: false });
  try {
    const started = Date.now();
    const result = await writeDiagnostics(
      {
        db,
        dataDir,
        configuration: withoutSecrets({ site: 'given to vigil serve, not kept in the data folder', settings: new SettingsStore(db).get(), cameraCredentials: cameraCredentialScopes(db) }),
        health: { note: 'made by vigil diag from the data folder; the live state (site link, ingest, outbox) is in a bundle made from the Operations page' },
        secrets: secretForms(cameraPasswords(db, dataKey && new SecretBox(dataKey))),
      },
      path.resolve(values.out ?? bundlePath(dataDir, started)),
    );
    out.stdout(`${result.file}\n${result.files.length + 1} files, ${result.size} bytes, in ${Date.now() - started} ms; manifest SHA-256 ${result.manifestSha256}\n`);
    return 0;
  } finally {
    db.close();
  }
}
