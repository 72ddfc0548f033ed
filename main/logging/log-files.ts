import path from 'node:path';
import { pino, type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { createLogger } from './logger';

/** The station's log files live in DATA/logs, where the diagnostics bundle takes its recent logs from. */
export const LOG_FOLDER = 'logs';
/** Each file rolls at this size; with LOG_FILES_KEPT older ones the folder stays under 50 MB. */
export const LOG_FILE_SIZE = '10m';
/** Older files kept besides the one being written: five files of 10 MB at most, over restarts too. */
export const LOG_FILES_KEPT = 4;

export type StationLogger = {
  logger: Logger;
  /** Settles once the files are written to (lines logged before go to stderr only); rejects when the folder is unusable. */
  files: Promise<void>;
  /** Flushes and closes the files (tests; a process that exits loses at most the last buffered lines). */
  close(): Promise<void>;
};

/**
 * The station's logger: JSON lines to stderr as before, and the same lines
 * to size-capped rolling files in DATA/logs, so an installed station keeps
 * the last hours on disk for IT. Returned at once; the files join when
 * pino-roll has found where the last run left off.
 */
export function stationLogger(dataDir: string, options: { level?: string; stderr?: boolean; fileSize?: string; filesKept?: number } = {}): StationLogger {
  // Each stream takes every level: the logger's own level decides what is written.
  const streams = pino.multistream(options.stderr === false ? [] : [{ level: 'trace', stream: pino.destination(2) }]);
  const logger = createLogger({ level: options.level, stream: streams });
  const rolling = pinoRoll({
    file: path.join(dataDir, LOG_FOLDER, 'vigil'),
    extension: '.log',
    size: options.fileSize ?? LOG_FILE_SIZE,
    limit: { count: options.filesKept ?? LOG_FILES_KEPT, removeOtherLogFiles: true },
    mkdir: true,
  });
  const files = rolling.then(async (stream) => {
    // The file opens asynchronously: added before it is open, an early flush or close would throw.
    if (stream.fd < 0) await new Promise<void>((resolve) => stream.once('ready', () => resolve()));
    streams.add({ level: 'trace', stream });
  });
  return {
    logger,
    files,
    async close() {
      const stream = await files.then(() => rolling).catch(() => null);
      if (!stream) return;
      stream.flushSync();
      await new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.end();
      });
    },
  };
}
