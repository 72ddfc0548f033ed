import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * electron/, preload/ and renderer/ are built here; the core (main/) is built
 * by scripts/build-core.mjs because it also runs without Electron.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/electron',
      lib: { entry: 'electron/main.ts' },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle the contract and zod into it.
      externalizeDeps: false,
      lib: { entry: 'preload/index.ts', formats: ['cjs'] },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: 'renderer/index.html' },
      // electron-vite leaves the renderer unminified; browsers load it too, and the
      // sign-in page's first JS must stay under 500 KB gzip (≈280 minified, ≈450 not).
      minify: true,
      chunkSizeWarningLimit: 1500,
    },
  },
});
