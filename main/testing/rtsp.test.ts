// Proves the RTSP camera rig (DESIGN.md §5 "Video") with Debian's ffmpeg as an
// independent client, over RTSP interleaved in TCP as Vigil reads cameras.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtspServer, type RtspServer } from './rtsp';

type Run = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a tool to its end (SIGKILL after `timeoutMs`), collecting its output. */
function run(command: string, args: string[], timeoutMs = 9_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-32_768)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * Reads `seconds` of stream time from `url` without decoding and counts the
 * frames ffmpeg got, those before the first keyframe included (-copyinkf): a
 * client joins mid-GOP, as with a real camera.
 */
async function countFrames(url: string, seconds: number): Promise<Run & { frames: number }> {
  const result = await run('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-rtsp_transport', 'tcp', '-timeout', '5000000', '-i', url],
    ...['-t', String(seconds), '-c', 'copy', '-copyinkf', '-f', 'null', '-'],
  ]);
  const counts = [...result.stderr.matchAll(/frame=\s*(\d+)/g)].map((m) => Number(m[1]));
  return { ...result, frames: counts.at(-1) ?? 0 };
}

describe('RTSP test server', () => {
  let server: RtspServer;

  beforeAll(async () => {
    server = await startRtspServer({ cameras: [{ name: 'gate', offset: 0 }, { name: 'lobby', offset: 3.3 }] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('describes H.264 640x360 over TCP interleaved', async () => {
    const result = await run('ffprobe', ['-rtsp_transport', 'tcp', '-v', 'error', '-show_streams', '-of', 'json', server.url('lobby')]);
    expect(result.code, result.stderr).toBe(0);
    const streams = (JSON.parse(result.stdout) as { streams: { codec_type: string; codec_name: string; width: number; height: number }[] }).streams;
    expect(streams.map((s) => [s.codec_type, s.codec_name, s.width, s.height])).toEqual([['video', 'h264', 640, 360]]);
  });

  it('streams live at 25 fps, not as fast as a file', async () => {
    const result = await countFrames(server.url('gate'), 3);
    expect(result.code, result.stderr).toBe(0);
    expect(result.frames).toBeGreaterThanOrEqual(60);
    expect(result.frames).toBeLessThanOrEqual(90);
    // A file dump would be done in a fraction of a second.
    expect(result.ms).toBeGreaterThanOrEqual(2_500);
  });

  it('serves two clients of one mount at once', async () => {
    const [a, b] = await Promise.all([countFrames(server.url('lobby'), 2), countFrames(server.url('lobby'), 2)]);
    for (const result of [a, b]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.frames).toBeGreaterThanOrEqual(40);
      expect(result.frames).toBeLessThanOrEqual(60);
    }
  });

  it('goes away on kill() and serves again after restart()', async () => {
    await server.kill();
    expect(server.running).toBe(false);
    const down = await countFrames(server.url('gate'), 1);
    expect(down.code).not.toBe(0);
    expect(down.frames).toBe(0);

    await server.restart();
    expect(server.running).toBe(true);
    const up = await countFrames(server.url('gate'), 1);
    expect(up.code, up.stderr).toBe(0);
    expect(up.frames).toBeGreaterThanOrEqual(20);
  });
});
