/**
 * An HTTP proxy of the tests' own, in front of a Cognito emulator, for what neither emulator does:
 *
 * - paging: ListUserPools / ListUserPoolClients answers are cut into pages with a NextToken (the proxy
 *   fetches the complete upstream list, following upstream tokens if any, and serves slices of it);
 * - faults per operation and per call number: AWS-style JSON errors (throttling, access denied, expired
 *   token, ...), delays, requests that never get an answer, and dropped connections;
 * - counting: every HTTP request is counted per operation, so tests can assert how often the SDK retried.
 *
 * The operation is the part of the `X-Amz-Target` header after the dot (e.g. 'DescribeUserPoolClient').
 * Call numbers are 1-based and count every request of that operation since the last `reset()`, retries
 * included. Request and response bodies are never logged (they carry client secrets).
 *
 * Example:
 *   const proxy = await startFaultProxy({ upstream: emulator.endpoint, pageSize: { ListUserPools: 2 } });
 *   proxy.setFaults([{ operation: 'DescribeUserPoolClient', calls: [1, 2], fault: throttle() }]);
 *   ... point the SDK client at proxy.endpoint ...
 *   assert.equal(proxy.attempts('DescribeUserPoolClient'), 3);
 *   await proxy.stop();
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type PagedOperation = 'ListUserPools' | 'ListUserPoolClients';

export type Fault =
  /** Answers with an AWS JSON error: HTTP `status` (default 400) and body {"__type": errorType, "message": ...}. */
  | { type: 'error'; errorType: string; message?: string; status?: number }
  /** Waits `ms`, then forwards normally. */
  | { type: 'delay'; ms: number }
  /** Never answers; the client has to time out or abort. */
  | { type: 'hang' }
  /** Closes the connection without any answer. */
  | { type: 'drop' }
  /** Answers with exactly this status and body, e.g. an HTML error page from a corporate proxy, or garbage. */
  | { type: 'raw'; status: number; body: string | Buffer; contentType?: string };

export interface FaultRule {
  /** Operation name, or '*' for every operation. */
  operation: string;
  /** Which calls of that operation (1-based) get the fault: a list, a predicate, or all when omitted. */
  calls?: readonly number[] | ((call: number) => boolean);
  /** Only requests whose JSON input passes this test, e.g. `(input) => input.ClientId === id`. */
  when?: (input: Record<string, unknown>) => boolean;
  fault: Fault;
}

export interface ProxyRequestRecord {
  operation: string;
  call: number;
  outcome: 'forwarded' | 'paged' | `fault:${Fault['type']}`;
  /** The access key id from the SigV4 Authorization header (not secret; shows which credentials signed). */
  accessKeyId?: string;
}

export interface FaultProxyOptions {
  /** The emulator's base URL, e.g. http://127.0.0.1:41234 */
  upstream: string;
  /** Page sizes to impose; operations not listed pass through untouched. */
  pageSize?: Partial<Record<PagedOperation, number>>;
}

export interface FaultProxy {
  /** Base URL to give the SDK client. */
  endpoint: string;
  /** Requests received for `operation` (all operations when omitted), retries included. */
  attempts(operation?: string): number;
  /** Every request in arrival order. */
  readonly requests: readonly ProxyRequestRecord[];
  /** Requests currently open (received, not yet answered or closed). */
  inFlight(): number;
  /** The most requests that were open at the same time since the last `reset()`. */
  peakInFlight(): number;
  /** Replaces the fault rules; the first matching rule wins. */
  setFaults(rules: readonly FaultRule[]): void;
  setPageSize(pageSize: Partial<Record<PagedOperation, number>>): void;
  /** Clears rules and counters (page sizes stay). */
  reset(): void;
  stop(): Promise<void>;
}

// Shortcuts for the faults the tests need most; the messages mimic the service's wording.
export const throttle = (): Fault => ({ type: 'error', errorType: 'TooManyRequestsException', message: 'Rate exceeded' });
export const accessDenied = (action = 'cognito-idp:ListUserPools'): Fault => ({
  type: 'error',
  errorType: 'AccessDeniedException',
  message: `User: arn:aws:iam::123456789012:user/test is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
});
export const notAuthorized = (): Fault => ({ type: 'error', errorType: 'NotAuthorizedException', message: 'Not authorized' });
export const expiredToken = (): Fault => ({
  type: 'error',
  errorType: 'ExpiredTokenException',
  message: 'The security token included in the request is expired',
});

const LIST_KEY: Record<PagedOperation, string> = { ListUserPools: 'UserPools', ListUserPoolClients: 'UserPoolClients' };
const TOKEN_PREFIX = 'fault-proxy-page:';

function operationOf(req: IncomingMessage): string {
  const target = String(req.headers['x-amz-target'] ?? '');
  return target.includes('.') ? target.slice(target.lastIndexOf('.') + 1) : target || '(none)';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function matches(rule: FaultRule, operation: string, call: number, body: Buffer): boolean {
  if (rule.operation !== '*' && rule.operation !== operation) return false;
  if (rule.when && !rule.when(parseInput(body))) return false;
  if (!rule.calls) return true;
  return typeof rule.calls === 'function' ? rule.calls(call) : rule.calls.includes(call);
}

function parseInput(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function accessKeyIdOf(req: IncomingMessage): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))?.[1];
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    ...extraHeaders,
  });
  res.end(text);
}

interface UpstreamAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  let rules: readonly FaultRule[] = [];
  let pageSize: Partial<Record<PagedOperation, number>> = { ...options.pageSize };
  const requests: ProxyRequestRecord[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let open = 0;
  let peak = 0;

  const callUpstream = (req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
      const up = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (upRes) => {
          const chunks: Buffer[] = [];
          upRes.on('data', (c: Buffer) => chunks.push(c));
          upRes.on('end', () => resolve({ status: upRes.statusCode ?? 502, headers: upRes.headers, body: Buffer.concat(chunks) }));
          upRes.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  // The whole list, whatever the upstream's own paging; moto pages, cognito-local does not.
  const fullList = async (req: IncomingMessage, input: Record<string, unknown>, key: string) => {
    const items: unknown[] = [];
    let token: unknown;
    for (let guard = 0; guard < 1000; guard++) {
      const body = Buffer.from(JSON.stringify({ ...input, MaxResults: 60, NextToken: token }));
      const answer = await callUpstream(req, body);
      if (answer.status !== 200) return { error: answer };
      const parsed = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
      items.push(...((parsed[key] as unknown[]) ?? []));
      token = parsed.NextToken;
      if (!token) break;
    }
    return { items };
  };

  const servePage = async (req: IncomingMessage, res: ServerResponse, op: PagedOperation, size: number, raw: Buffer) => {
    const input = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    let offset = 0;
    if (typeof input.NextToken === 'string') {
      const decoded = Buffer.from(input.NextToken, 'base64url').toString('utf8');
      offset = decoded.startsWith(TOKEN_PREFIX) ? Number(decoded.slice(TOKEN_PREFIX.length)) : NaN;
      if (!Number.isInteger(offset) || offset < 0) {
        sendJson(res, 400, { __type: 'InvalidParameterException', message: 'Invalid NextToken' });
        return;
      }
    }
    const { NextToken: _ignored, ...rest } = input;
    const key = LIST_KEY[op];
    const result = await fullList(req, rest, key);
    if ('error' in result && result.error) {
      res.writeHead(result.error.status, { 'Content-Type': 'application/x-amz-json-1.1' });
      res.end(result.error.body);
      return;
    }
    const all = result.items ?? [];
    const requested = typeof input.MaxResults === 'number' && input.MaxResults > 0 ? input.MaxResults : 60;
    const take = Math.min(size, requested);
    const page = all.slice(offset, offset + take);
    const next = offset + take < all.length ? Buffer.from(`${TOKEN_PREFIX}${offset + take}`).toString('base64url') : undefined;
    sendJson(res, 200, next ? { [key]: page, NextToken: next } : { [key]: page });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const operation = operationOf(req);
    const call = (counts.get(operation) ?? 0) + 1;
    counts.set(operation, call);
    const body = await readBody(req);
    const rule = rules.find((r) => matches(r, operation, call, body));
    const record: ProxyRequestRecord = { operation, call, outcome: 'forwarded', accessKeyId: accessKeyIdOf(req) };
    requests.push(record);

    if (rule) {
      record.outcome = `fault:${rule.fault.type}`;
      const fault = rule.fault;
      if (fault.type === 'error') {
        sendJson(
          res,
          fault.status ?? 400,
          { __type: fault.errorType, message: fault.message ?? fault.errorType },
          { 'x-amzn-ErrorType': fault.errorType },
        );
        return;
      }
      if (fault.type === 'hang') return;
      if (fault.type === 'raw') {
        const raw = typeof fault.body === 'string' ? Buffer.from(fault.body) : fault.body;
        res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'text/html', 'Content-Length': raw.length });
        res.end(raw);
        return;
      }
      if (fault.type === 'drop') {
        req.socket.destroy();
        return;
      }
      await new Promise((r) => setTimeout(r, fault.ms));
      if (req.socket.destroyed) return;
    }

    const size = pageSize[operation as PagedOperation];
    if (size !== undefined && operation in LIST_KEY) {
      record.outcome = rule ? record.outcome : 'paged';
      await servePage(req, res, operation as PagedOperation, size, body);
      return;
    }
    const answer = await callUpstream(req, body);
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    open++;
    peak = Math.max(peak, open);
    let counted = true;
    const done = () => {
      if (counted) open--;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    handle(req, res).catch((err: Error) => {
      // The proxy must not die because a client went away mid-answer; report other failures as a 502.
      if (!res.headersSent && !res.destroyed) sendJson(res, 502, { __type: 'FaultProxyError', message: err.message });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    attempts: (operation) =>
      operation === undefined ? requests.length : (counts.get(operation) ?? 0),
    requests,
    inFlight: () => open,
    peakInFlight: () => peak,
    setFaults: (next) => {
      rules = [...next];
    },
    setPageSize: (next) => {
      pageSize = { ...next };
    },
    reset: () => {
      rules = [];
      counts.clear();
      requests.length = 0;
      peak = open;
    },
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })),
  };
}
