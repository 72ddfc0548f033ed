import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they sit in an object. */
const SECRET_KEYS = ['password', 'current', 'next', 'token', 'secret', 'passwordHash', 'authorization', 'cookie'];

export function createLogger(options: { level?: string; destination?: string } = {}): Logger {
  const redact = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  const level = options.level ?? process.env.VIGIL_LOG_LEVEL ?? 'info';
  const destination = options.destination ? pino.destination({ dest: options.destination, sync: false, mkdir: true }) : pino.destination(2);
  return pino({ level, redact: { paths: redact, censor: '[redacted]' }, base: { app: 'vigil' } }, destination);
}

/** A logger that drops everything, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
