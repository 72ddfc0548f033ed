import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const TESTS = ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts', 'preload/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'];
/** Files that stream video and audio through ffmpeg and GStreamer and check their real-time rates (frames and bytes a second). */
const REAL_TIME = ['main/testing/rtsp.test.ts', 'main/video/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      // In a group of their own (groups run one after the other), one file at a time: a file beside them taking
      // a core (the alarm storm's 500 a second) would slow the streams they time, and fail them for the
      // machine's sake rather than the code's.
      { extends: true, test: { name: 'real-time', include: REAL_TIME, maxWorkers: 1, sequence: { groupOrder: 0 } } },
      // The rest, two files at a time even on two cores (Vitest's own default, cores less one, is a single
      // worker there): most of the slow files wait on brokers, station processes and timers rather than compute.
      {
        extends: true,
        test: { name: 'rest', include: TESTS, exclude: [...configDefaults.exclude, ...REAL_TIME], maxWorkers: Math.max(2, os.availableParallelism() - 1), sequence: { groupOrder: 1 } },
      },
    ],
  },
});
