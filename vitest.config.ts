import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'preload/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's own default is one worker fewer than the cores, which is a single worker on a
    // two-core CI machine; most of the slow files wait on brokers, station processes and timers
    // rather than compute, so two files side by side take about a third less time there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
