import { describe, expect, it } from 'vitest';
import { ToneLimiter } from './tone-limiter';

describe('alarm tones', () => {
  it('sounds the most severe of the new alarms, and nothing for info', () => {
    const limiter = new ToneLimiter(1000);
    expect(limiter.offer(['minor', 'major', 'info'], false, 0).play).toBe('major');
    expect(limiter.offer(['info', 'info'], false, 5000)).toEqual({ play: null, againInMs: null });
  });

  it('sounds at most once a second, then the most severe it held back', () => {
    const limiter = new ToneLimiter(1000);
    expect(limiter.offer(['minor'], false, 0).play).toBe('minor');
    expect(limiter.offer(['minor'], false, 300)).toEqual({ play: null, againInMs: 700 });
    expect(limiter.offer(['critical'], false, 600)).toEqual({ play: null, againInMs: 400 });
    expect(limiter.offer(['major'], false, 900)).toEqual({ play: null, againInMs: 100 });
    expect(limiter.poll(false, 1000).play).toBe('critical');
    expect(limiter.poll(false, 2500).play).toBe(null);
  });

  it('keeps only critical when muted, even one held back', () => {
    const limiter = new ToneLimiter(1000);
    expect(limiter.offer(['major', 'minor'], true, 0).play).toBe(null);
    expect(limiter.offer(['critical', 'major'], true, 10).play).toBe('critical');
    expect(limiter.offer(['major'], false, 20).play).toBe(null);
    expect(limiter.poll(true, 1500).play).toBe(null);
  });
});
