import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY, type CoreTransport, type ServerMessage } from '../contract';
import type { Core } from '../core';
import type { Logger } from '../logging/logger';
import { DOWNLOAD_PREFIX, serveDownload } from './download-route';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};


const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export type WebHostOptions = {
  /** The core, or its start: the pages load while the core starts, and a socket opened meanwhile waits for it. */
  core: Core | Promise<Core>;
  rendererDir: string;
  host: string;
  port: number;
  logger: Logger;
  /** Further origins allowed to open the WebSocket, besides this host's own. */
  allowedOrigins?: string[];
};

function serveFile(rendererDir: string, request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://host');
  const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
  let file = path.resolve(rendererDir, relative);
  if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) {
    response.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  // Unknown paths get the app, which routes on the client.
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(file)) {
    response.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('The Vigil UI is not built yet: run npm run build.\n');
    return;
  }
  const hashed = relative.startsWith('assets/');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file).pipe(response);
}

/** Video travels as binary WebSocket messages: the stream id (uint32, big-endian), then the fMP4 bytes. */
export function encodeVideoFrame(stream: number, data: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(4 + data.length);
  frame.writeUInt32BE(stream, 0);
  frame.set(data, 4);
  return frame;
}

function socketTransport(socket: WebSocket, logger: Logger): CoreTransport {
  return {
    send: (message: ServerMessage) => {
      if (socket.readyState !== socket.OPEN) return;
      if (message.t === 'video') socket.send(encodeVideoFrame(message.stream, message.data));
      else socket.send(JSON.stringify(message));
    },
    backlog: () => socket.bufferedAmount,
    onMessage: (listener) => {
      const handler = (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        try {
          listener(JSON.parse(data.toString('utf8')) as unknown);
        } catch {
          logger.warn('closed a WebSocket that sent something other than JSON');
          socket.close(1003, 'JSON only');
        }
      };
      socket.on('message', handler);
      return () => socket.off('message', handler);
    },
    onClose: (listener) => {
      socket.on('close', listener);
      return () => socket.off('close', listener);
    },
    close: () => socket.close(),
  };
}

/**
 * `vigil serve`: the built renderer and the contract over WebSocket, for
 * browsers and end-to-end tests. Only pages from this host may open the
 * socket (Origin checked), and every call still needs a signed-in session.
 */
export async function startWebHost(options: WebHostOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { rendererDir, logger } = options;
  const core = Promise.resolve(options.core);
  // A core that fails to start is the starter's to report; sockets opened meanwhile are dropped.
  core.then((ready) => ready.downloads.serve()).catch(() => undefined);
  const server = http.createServer((request, response) => {
    // Evidence packages and other files the core wrote for a window: one-time links (download-route.ts).
    if (request.url?.startsWith(DOWNLOAD_PREFIX)) return void serveDownload(core.then((ready) => ready.downloads), request, response, SECURITY_HEADERS);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    serveFile(rendererDir, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} on ${options.host} is already in use; pass --port`) : error),
    );
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as { port: number };
  const own = new Set([`http://${options.host}:${port}`, `http://127.0.0.1:${port}`, `http://localhost:${port}`, ...(options.allowedOrigins ?? [])]);
  const sockets = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: 1024 * 1024,
    verifyClient: ({ origin }: { origin?: string }, done: (allowed: boolean, code?: number, reason?: string) => void) => {
      if (origin && own.has(origin)) return done(true);
      logger.warn({ origin }, 'refused a WebSocket from a foreign origin');
      done(false, 403, 'origin not allowed');
    },
  });
  sockets.on('connection', (socket, request) => {
    // Paused, the socket keeps what the page sends until the core is there to read it.
    socket.pause();
    core.then(
      (ready) => {
        if (socket.readyState !== socket.OPEN) return;
        ready.connect(socketTransport(socket, logger), request.socket.remoteAddress ?? 'unknown');
        socket.resume();
      },
      () => socket.terminate(),
    );
  });
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  return {
    url,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
