// pino-roll ships no types; this is the part of its API Vigil uses (its README, v4).
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  export type PinoRollOptions = {
    file: string;
    /** Roll when the file reaches this size: a number of MB, or '10m', '512k'. */
    size?: number | string;
    frequency?: number | 'daily' | 'hourly';
    extension?: string;
    mkdir?: boolean;
    /** count: files kept besides the one written; removeOtherLogFiles: count those of earlier runs too. */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  };

  type RollingStream = DestinationStream & { readonly fd: number; flushSync(): void; end(): void; once(event: 'close' | 'ready', listener: () => void): void };

  // eslint-disable-next-line no-restricted-syntax -- describes pino-roll's own module.exports, a single function
  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
