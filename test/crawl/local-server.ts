// A throwaway HTTP server on 127.0.0.1 (port 0) that logs when each request
// arrived and finished, so tests can check ordering and gaps by the server's clock.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoggedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** performance.now() at arrival and when the response finished or was cut. */
  start: number;
  end: number;
}

export interface LocalServer {
  origin: string;
  port: number;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export async function startServer(handler: Handler): Promise<LocalServer> {
  const log: LoggedRequest[] = [];
  const server = http.createServer((req, res) => {
    const entry: LoggedRequest = { path: req.url ?? '', headers: req.headers, start: performance.now(), end: Number.NaN };
    log.push(entry);
    res.on('close', () => {
      entry.end = performance.now();
    });
    void Promise.resolve(handler(req, res)).catch((err: unknown) => {
      res.statusCode = 599;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(res: http.ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}
