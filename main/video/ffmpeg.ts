import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The ffmpeg the gateway runs: the one IT configured (`--ffmpeg` or
 * VIGIL_FFMPEG), else the static build that @ffmpeg-installer put in
 * node_modules for this platform (unpacked from the app archive in an
 * installed app), else whatever `ffmpeg` is on PATH.
 */
export function resolveFfmpeg(configured?: string): string {
  const chosen = configured ?? process.env.VIGIL_FFMPEG;
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new Error(`ffmpeg not found at ${chosen}`);
    return chosen;
  }
  try {
    const installed = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    // electron-builder unpacks the binary beside the archive: executables cannot run from inside it.
    return installed.replace(`app.asar${pathSeparator()}`, `app.asar.unpacked${pathSeparator()}`);
  } catch {
    return 'ffmpeg';
  }
}

const pathSeparator = () => (process.platform === 'win32' ? '\\' : '/');
