import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they sit in an object. */
const SECRET_KEYS = ['password', 'current', 'next', 'token', 'secret', 'passwordHash', 'authorization', 'cookie'];

/** Structured JSON logs to stderr (or a given stream), secrets redacted at any depth up to three. */
export function createLogger(options: { level?: string; stream?: DestinationStream } = {}): Logger {
  const redact = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  const level = options.level ?? process.env.VIGIL_LOG_LEVEL ?? 'info';
  return pino({ level, redact: { paths: redact, censor: '[redacted]' }, base: { app: 'vigil' } }, options.stream ?? pino.destination(2));
}

/** A logger that drops everything, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
