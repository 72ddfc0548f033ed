// Builds the core (main/) for plain Node and for Electron's utilityProcess.
// Packages stay external: better-sqlite3 is native, and node_modules ships with the app.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'main/host/cli.ts', utility: 'main/host/utility.ts' },
  outdir: 'out/core',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
