import fs from 'node:fs';
import path from 'node:path';

export type Figure = {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  target?: number;
  better: 'higher' | 'lower';
  /** Every run behind a figure that is a median or best of several. */
  runs?: number[];
};

/** A figure that could not be measured: the bench stops with its reason rather than print null. */
export class Unmeasured extends Error {
  constructor(bench: string, figure: string, reason: string) {
    super(`${bench}: ${figure} could not be measured: ${reason}`);
  }
}

/** Prints a figure as one JSON line (the form in DESIGN.md §6) and keeps it for bench/results/NAME.json. */
export class Report {
  readonly figures: Figure[] = [];

  constructor(readonly bench: string) {}

  add(figure: string, value: number, unit: string, better: Figure['better'], target?: number, runs?: number[]): void {
    // JSON turns NaN and Infinity into null: a figure that is not a number was not measured.
    for (const measured of [value, ...(runs ?? [])]) {
      if (!Number.isFinite(measured)) throw new Unmeasured(this.bench, figure, `a value is ${measured}`);
    }
    const round = (measured: number) => Math.round(measured * 100) / 100;
    const line: Figure = {
      bench: this.bench,
      figure,
      value: round(value),
      unit,
      ...(target !== undefined ? { target } : {}),
      better,
      ...(runs ? { runs: runs.map(round) } : {}),
    };
    this.figures.push(line);
    console.log(JSON.stringify(line));
  }

  get file(): string {
    return path.join('bench/results', `${this.bench}.json`);
  }

  save(): void {
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync(this.file, this.figures.map((figure) => JSON.stringify(figure)).join('\n') + '\n');
  }
}

function sortedOrThrow(values: number[], what: string): number[] {
  if (!values.length) throw new Error(`${what} of no values`);
  return [...values].sort((a, b) => a - b);
}

export function median(values: number[]): number {
  const sorted = sortedOrThrow(values, 'median');
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile: the smallest value at or above p % of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = sortedOrThrow(values, `p${p}`);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
