import { describe, expect, it } from 'vitest';
import { batched, paced } from './batching';
import { fakeClock } from './fake-clock';

describe('batching', () => {
  it('hands over everything pushed before a frame in one call', () => {
    const time = fakeClock();
    const flushed: number[][] = [];
    const push = batched<number>((items) => flushed.push(items), time.frame);
    push(1, 2);
    push(3);
    expect(flushed).toEqual([]);
    expect(time.pendingFrames).toBe(1);
    time.paint();
    push(4);
    time.paint();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('drops what is waiting when cancelled', () => {
    const time = fakeClock();
    const flushed: number[][] = [];
    const push = batched<number>((items) => flushed.push(items), time.frame);
    push(1);
    push.cancel();
    time.paint();
    expect(flushed).toEqual([]);
  });

  it('passes a lone item at once and paces a burst to one hand-over per gap', () => {
    const time = fakeClock();
    const flushed: { at: number; items: number[] }[] = [];
    const push = paced<number>((items) => flushed.push({ at: time.clock.now(), items }), 200, time.clock);
    push([1]);
    expect(flushed).toEqual([{ at: 0, items: [1] }]);
    for (let ms = 10; ms < 1000; ms += 10) {
      time.advance(10);
      push([ms]);
    }
    time.advance(200);
    expect(flushed.map((flush) => flush.at)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(flushed.flatMap((flush) => flush.items)).toHaveLength(100);
  });
});
