import type { SimulatedTerminal } from './terminals';

/**
 * The demo park's residents' apps and signage screens, so a notice published
 * in the demo is received and read and its counts move. None in C栋: the
 * end-to-end spec counts its own terminals there.
 */
export const DEMO_TERMINALS: SimulatedTerminal[] = [
  ...['A栋 研发楼', 'B栋 办公楼', 'D栋 食堂'].flatMap((building, b) => Array.from({ length: 4 }, (_, i) => ({ id: `demo-app-${b}-${i}`, kind: 'resident-app' as const, building, unit: `${1 + i}F-${100 + i + 1}` }))),
  { id: 'demo-screen-gate', kind: 'signage', building: '周界', name: '北门信息屏' },
  { id: 'demo-screen-canteen', kind: 'signage', building: 'D栋 食堂', name: '食堂信息屏' },
];
/** Residents open a notice a while after it arrives. */
export const DEMO_READ_AFTER_MS = 20_000;
