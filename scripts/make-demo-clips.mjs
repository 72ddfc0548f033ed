// Encodes the demo park's camera clips in assets/video/ (committed; run again
// only to change them). Each scene is an 8 s H.264 clip with a running clock,
// a main stream (960×540) and a sub-stream (640×360), a keyframe every second
// so a looped clip starts at once, and no B-frames (live cameras have none).
// The gateway loops them at real time, the same path a real camera takes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SECONDS = 8;
const FPS = 25;
const SCENES = {
  gate: 'testsrc2',
  lobby: 'smptehdbars',
  yard: 'mandelbrot',
  corridor: 'life=mold=10:ratio=0.3:death_color=#1f2937:life_color=#93c5fd',
};
const PROFILES = { main: [960, 540, '700k'], sub: [640, 360, '300k'] };

fs.mkdirSync('assets/video', { recursive: true });
for (const [scene, source] of Object.entries(SCENES)) {
  for (const [profile, [width, height, rate]] of Object.entries(PROFILES)) {
    const clock = `drawtext=fontfile=${FONT}:text='${scene.toUpperCase()}  %{pts\\:hms}':x=16:y=16:fontsize=${Math.round(height / 14)}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6`;
    const file = `assets/video/${scene}-${profile}.mp4`;
    execFileSync('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `${source}${source.includes('=') ? ':' : '='}size=${width}x${height}:rate=${FPS}`, '-t', String(SECONDS)],
      ...['-vf', `scale=${width}:${height},${clock}`, '-c:v', 'libx264', '-preset', 'slow', '-profile:v', 'main', '-pix_fmt', 'yuv420p'],
      ...['-b:v', rate, '-maxrate', rate, '-bufsize', rate, '-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0', '-bf', '0'],
      ...['-an', '-movflags', '+faststart', file],
    ]);
    console.log(`${file}: ${Math.round(fs.statSync(file).size / 1024)} KB`);
  }
}
