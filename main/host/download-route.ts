import fs from 'node:fs';
import type http from 'node:http';
import type { DownloadTickets } from '../evidence/downloads';

export const DOWNLOAD_PREFIX = '/download/';

/**
 * `GET /download/<token>`: a file the core wrote for a window (an evidence
 * package), once, as an attachment, streamed from disk. HEAD is refused so
 * a link checker cannot spend the one use.
 */
export async function serveDownload(
  downloads: Promise<DownloadTickets>,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const text = { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  if (request.method !== 'GET') return void response.writeHead(405, { ...text, Allow: 'GET' }).end('Downloads are GET only.\n');
  const token = new URL(request.url ?? '/', 'http://host').pathname.slice(DOWNLOAD_PREFIX.length);
  let ticket: { file: string; name: string } | null;
  try {
    ticket = (await downloads).take(token);
  } catch {
    return void response.writeHead(503, text).end('The station is not running.\n');
  }
  if (!ticket || !fs.existsSync(ticket.file)) {
    return void response.writeHead(404, text).end('This download link was used already, has expired, or its session ended: export again.\n');
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'application/zip',
    'Content-Length': String(fs.statSync(ticket.file).size),
    'Content-Disposition': `attachment; filename="${ticket.name.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(ticket.file).pipe(response);
}
