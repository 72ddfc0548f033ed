import fs from 'node:fs';
import path from 'node:path';

export type Figure = {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  target?: number;
  better: 'higher' | 'lower';
};

/** Prints a figure as one JSON line (the form in DESIGN.md §6) and keeps it for bench/results/NAME.json. */
export class Report {
  readonly figures: Figure[] = [];

  constructor(readonly bench: string) {}

  add(figure: string, value: number, unit: string, better: Figure['better'], target?: number): void {
    const line: Figure = { bench: this.bench, figure, value: Math.round(value * 100) / 100, unit, ...(target !== undefined ? { target } : {}), better };
    this.figures.push(line);
    console.log(JSON.stringify(line));
  }

  save(): void {
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync(path.join('bench/results', `${this.bench}.json`), this.figures.map((figure) => JSON.stringify(figure)).join('\n') + '\n');
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
