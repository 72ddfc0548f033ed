/// <reference types="vite/client" />
import { registerMap } from 'echarts/core';
import type { Plan } from './plans';

// Each map is its own small chunk, fetched the first time a view needs it: the
// bundle never carries the whole park, and Electron needs no file access for it.
const SOURCES = import.meta.glob<string>('../../assets/maps/*.svg', { query: '?raw', import: 'default' });
const registered = new Set<string>();

/** Registers a plan's SVG with ECharts (once) and returns the map name a geo component uses. */
export async function loadPlan(plan: Plan): Promise<string> {
  const name = `vigil:${plan.file}`;
  if (registered.has(name)) return name;
  const load = SOURCES[`../../assets/maps/${plan.file}`];
  if (!load) throw new Error(`no map ${plan.file} in assets/maps`);
  registerMap(name, { svg: await load() });
  registered.add(name);
  return name;
}
