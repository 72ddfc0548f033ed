import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they sit in an object. */
const SECRET_KEYS = ['password', 'current', 'next', 'token', 'secret', 'passwordHash', 'authorization', 'cookie', 'key', 'privateKey', 'credentials'];

/** `rtsp://admin:pw@cam/…` → `rtsp://***@cam/…`: a URL's user info, wherever a message or error text carries one (ffmpeg's stderr, a broker URL). */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@"']+@/gi, '$1***@');
}

/** Structured JSON logs to stderr (or a given stream), secrets redacted by key at any depth up to three and from URLs anywhere in a line. */
export function createLogger(options: { level?: string; stream?: DestinationStream } = {}): Logger {
  const redact = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  const level = options.level ?? process.env.VIGIL_LOG_LEVEL ?? 'info';
  return pino(
    { level, redact: { paths: redact, censor: '[redacted]' }, base: { app: 'vigil' }, hooks: { streamWrite: redactUrlCredentials } },
    options.stream ?? pino.destination(2),
  );
}

/** A logger that drops everything, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
