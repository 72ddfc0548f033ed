import { describe, expect, it } from 'vitest';
import type { Alarm } from '../core/contract';
import { APPLY_GAP_MS, GET_LIMIT, alarmPipeline } from './alarm-pipeline';
import { fakeClock } from './fake-clock';
import { syntheticAlarms } from './synthetic-alarms';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function rig() {
  const time = fakeClock();
  const source = new Map(syntheticAlarms(20_000).map((alarm) => [alarm.id, alarm]));
  const calls: string[][] = [];
  const applied: Alarm[][] = [];
  const errors: unknown[] = [];
  const pipeline = alarmPipeline({
    get: async (ids) => {
      calls.push(ids);
      return ids.map((id) => source.get(id)!).filter(Boolean);
    },
    apply: (alarms) => applied.push(alarms),
    onError: (error) => errors.push(error),
    frame: time.frame,
    clock: time.clock,
  });
  return { time, source, calls, applied, errors, pipeline, ids: [...source.keys()] };
}

describe('from alarms.changed to the store', () => {
  it('fetches the ids named within a frame with one call, each id once', async () => {
    const { time, calls, applied, pipeline, ids } = rig();
    pipeline.changed([ids[0]!, ids[1]!]);
    pipeline.changed([ids[1]!, ids[2]!]);
    expect(calls).toEqual([]);
    time.paint();
    await settle();
    expect(calls).toEqual([[ids[0], ids[1], ids[2]]]);
    expect(applied.map((batch) => batch.map((alarm) => alarm.id))).toEqual([[ids[0], ids[1], ids[2]]]);
  });

  it('asks for at most a thousand ids per call', async () => {
    const { time, calls, applied, pipeline, ids } = rig();
    pipeline.changed(ids.slice(0, 2500));
    time.paint();
    await settle();
    expect(calls.map((call) => call.length)).toEqual([GET_LIMIT, GET_LIMIT, 500]);
    time.advance(APPLY_GAP_MS);
    expect(applied.flat()).toHaveLength(2500);
  });

  it('in a storm of 500 alarms a second for 30 s, loses none and updates the store five times a second', async () => {
    const { time, applied, pipeline, ids } = rig();
    let next = 0;
    // One alarm every 2 ms, frames every 16 ms.
    for (let ms = 0; ms < 30_000; ms += 2) {
      pipeline.changed([ids[next++]!]);
      if (ms % 16 === 0) {
        time.paint();
        await settle();
      }
      time.advance(2);
    }
    time.paint();
    await settle();
    time.advance(APPLY_GAP_MS);
    const received = new Set(applied.flat().map((alarm) => alarm.id));
    expect(received.size).toBe(15_000);
    // One at the first alarm, one per gap for 30 s, one for the tail.
    expect(applied.length).toBeLessThanOrEqual(30 * (1000 / APPLY_GAP_MS) + 2);
    expect(applied.length).toBeGreaterThanOrEqual(30 * (1000 / APPLY_GAP_MS) - 1);
  });

  it('reports a failed fetch and applies nothing after it was stopped', async () => {
    const time = fakeClock();
    const applied: Alarm[][] = [];
    const errors: unknown[] = [];
    let fail = true;
    const pipeline = alarmPipeline({
      get: async (ids) => {
        if (fail) throw new Error('link down');
        return syntheticAlarms(ids.length);
      },
      apply: (alarms) => applied.push(alarms),
      onError: (error) => errors.push(error),
      frame: time.frame,
      clock: time.clock,
    });
    pipeline.changed(['a']);
    time.paint();
    await settle();
    expect(errors).toHaveLength(1);
    fail = false;
    pipeline.changed(['b']);
    time.paint();
    pipeline.stop();
    await settle();
    time.advance(1000);
    expect(applied).toEqual([]);
  });
});
