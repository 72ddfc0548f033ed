import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { LOG_FOLDER, stationLogger, type StationLogger } from './log-files';

let open: StationLogger | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const folderOf = (dataDir: string) => path.join(dataDir, LOG_FOLDER);
const filesIn = (folder: string) => fs.readdirSync(folder).filter((name) => name.endsWith('.log'));

describe('station log files', () => {
  it('writes every line to DATA/logs, secrets redacted by key and from URLs', async () => {
    const dataDir = tempDir();
    open = stationLogger(dataDir, { stderr: false, level: 'debug' });
    await open.files;
    open.logger.debug({ password: 'broker-Secret-1', tls: { key: 'PRIVATE-KEY-BYTES' } }, 'connecting');
    open.logger.warn({ error: 'rtsp://admin:Cam-Secret-2@10.0.0.5:554/main: 401 Unauthorized' }, 'camera stream ended');
    await open.close();
    open = null;
    const text = filesIn(folderOf(dataDir)).map((name) => fs.readFileSync(path.join(folderOf(dataDir), name), 'utf8')).join('');
    expect(text).toContain('camera stream ended');
    expect(text).toContain('rtsp://***@10.0.0.5:554/main');
    for (const secret of ['broker-Secret-1', 'PRIVATE-KEY-BYTES', 'Cam-Secret-2', 'admin:']) expect(text).not.toContain(secret);
  });

  it('rolls at the size cap and keeps only the newest files, across restarts', async () => {
    const dataDir = tempDir();
    const line = 'x'.repeat(200);
    for (let run = 0; run < 2; run++) {
      open = stationLogger(dataDir, { stderr: false, fileSize: '2k', filesKept: 2 });
      await open.files;
      for (let n = 0; n < 100; n++) {
        open.logger.info({ run, n, line }, 'filler');
        // Rolling happens between writes: give the stream its turn, as a running station's event loop does.
        if (n % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await open.close();
      open = null;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const names = filesIn(folderOf(dataDir));
    // Two older files and the one being written; each over 2 KB by at most the write that crossed the cap.
    expect(names.length).toBeLessThanOrEqual(3);
    const sizes = names.map((name) => fs.statSync(path.join(folderOf(dataDir), name)).size);
    expect(Math.max(...sizes)).toBeLessThan(2 * 2048);
    const newest = names.map((name) => fs.readFileSync(path.join(folderOf(dataDir), name), 'utf8')).join('');
    expect(newest).toContain('"run":1,"n":99');
    expect(newest).not.toContain('"run":0,"n":0,');
  });
});
