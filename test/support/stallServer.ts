/**
 * A purpose-built loopback HTTP server for the one network fault the emulators (and the fault proxy, which
 * answers in one piece or not at all) cannot produce: an endpoint that accepts the connection and then stalls,
 * or answers so slowly (one byte a second) that no socket-idle timeout ever fires. It speaks just enough of the
 * Cognito JSON protocol (the `X-Amz-Target` operation) to answer the list calls, so a test can let listing
 * succeed and stall only the describes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type StallBehaviour =
  /** Answer at once with this JSON body. */
  | { type: 'answer'; body: unknown }
  /** Read the request, never answer, keep the connection open. */
  | { type: 'stall' }
  /** Send a valid answer one byte per `intervalMs` (default 1000), headers included. */
  | { type: 'trickle'; body: unknown; intervalMs?: number };

export interface StallServer {
  endpoint: string;
  /** Requests received per operation. */
  count(operation: string): number;
  stop(): Promise<void>;
}

export async function startStallServer(
  behaviour: (operation: string, input: Record<string, unknown>) => StallBehaviour,
  host = '127.0.0.1',
): Promise<StallServer> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
      let input: Record<string, unknown> = {};
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        // not JSON: the behaviour gets an empty input
      }
      const plan = behaviour(operation, input);
      if (plan.type === 'stall') return;
      const body = JSON.stringify(plan.body);
      if (plan.type === 'answer') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(body);
        return;
      }
      // Write the raw bytes of the whole response ourselves, one at a time.
      const raw = Buffer.from(
        `HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      let at = 0;
      const socket = res.socket!;
      const timer = setInterval(() => {
        if (socket.destroyed || at >= raw.length) {
          clearInterval(timer);
          timers.delete(timer);
          return;
        }
        socket.write(raw.subarray(at, ++at));
      }, plan.intervalMs ?? 1000);
      timers.add(timer);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    count: (operation) => counts.get(operation) ?? 0,
    async stop() {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
