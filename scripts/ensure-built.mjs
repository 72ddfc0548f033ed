// Builds the app once if any of its parts is missing, so `npm run serve` works on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const parts = ['out/core/cli.js', 'out/renderer/index.html'];
if (parts.some((part) => !existsSync(part))) {
  console.log('Building Vigil (first run)…');
  execSync('npm run build', { stdio: 'inherit' });
}
