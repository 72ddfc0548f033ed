import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('logger', () => {
  it('never writes a secret, at the top level or nested', () => {
    const lines: string[] = [];
    const logger = createLogger({ stream: { write: (line: string) => void lines.push(line) } });
    logger.info({ password: 'Hunter-2-Secret', user: 'duty', input: { token: 'tok-123', nested: { secret: 's3cr3t' } } }, 'sign-in');
    expect(lines).toHaveLength(1);
    const text = lines[0]!;
    for (const secret of ['Hunter-2-Secret', 'tok-123', 's3cr3t']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ msg: 'sign-in', user: 'duty', password: '[redacted]' });
  });
});
