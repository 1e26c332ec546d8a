import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Duplex } from "node:stream";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { errorCodeLabel, type LocalizedText } from "@onewindow/contracts/i18n";
import { GraphQLError } from "graphql";
import { errorBody } from "./localization";
import { HTTP } from "./messages";
import { metricsRegistry } from "./metrics";
import { withRequestSpan } from "./telemetry";
import { serveStatic, type StaticSite } from "./static-site";

/** What {@link createHttpServer} needs to serve one GraphQL process. */
export interface HttpServerOptions<TContext extends BaseContext, TAuth = unknown> {
  apollo: ApolloServer<TContext>;
  /**
   * Authenticates a GraphQL request from its headers and exact body before anything else runs;
   * throws a GraphQLError (UNAUTHENTICATED: answered 401) to refuse it.
   */
  authenticate?: (req: IncomingMessage, body: string) => TAuth | Promise<TAuth>;
  /** Builds the per-request context from the request, its id and what `authenticate` returned. */
  context: (req: IncomingMessage, requestId: string, auth: TAuth | undefined) => Promise<TContext>;
  /** Resolves with nothing when the process can serve (database, subgraphs ...), throws otherwise. */
  ready: () => Promise<void>;
  /** Largest accepted request body, in bytes (default 1 MB); a larger one is answered 413 `PAYLOAD_TOO_LARGE`. */
  bodyLimit?: number;
  /**
   * Decides whether a GraphQL request is served at all, from its request line and headers only,
   * before its body is read (a rate limit, for instance): null serves it, a {@link Refusal} is
   * answered as it says.
   */
  admit?: (req: IncomingMessage) => Refusal | null;
  /**
   * Further handlers by exact path, given the request's query string (`?a=1`, or empty), tried
   * before the static files: the gateway's subscription stream at `/graphql/stream`.
   */
  routes?: ReadonlyMap<string, (req: IncomingMessage, res: ServerResponse, search: string) => Promise<void>>;
  /** Static files served on paths no other route takes (the gateway's dashboard and explorer). */
  static?: StaticSite;
  /**
   * Longest accepted `operationName`, in characters (default {@link DEFAULT_MAX_OPERATION_NAME}):
   * a longer one is answered 400 `BAD_REQUEST` before Apollo Server sees the request.
   */
  maxOperationName?: number;
  /**
   * Issue every request's id here and never take the client's `x-request-id` as it (the gateway:
   * ids in the audit trail must be ones a client cannot choose or reuse); the client's own id is
   * still available through {@link clientRequestId}.
   */
  issueRequestIds?: boolean;
  /** Told of every request refused by `admit` or `authenticate`, after it was answered (to audit it). */
  onRefused?: (req: IncomingMessage, requestId: string, refusal: Refusal) => void;
  /**
   * Runs the execution of each admitted GraphQL request (after `authenticate`) inside it: a
   * department's read scope, which decides where its reads go (`readScope`).
   */
  around?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** The id a client sent in `x-request-id`: at most 64 printable ASCII characters, or null. */
export function clientRequestId(req: IncomingMessage): string | null {
  const raw = req.headers["x-request-id"];
  if (typeof raw !== "string") return null;
  return raw.replace(/[^\x21-\x7e]/g, "").slice(0, 64) || null;
}

/**
 * Default longest `operationName`: the longest the dashboard, the explorer and the daily
 * operations use is under 30 characters. A name is one GraphQL token, so `GATEWAY_MAX_TOKENS`
 * does not bound it; left unbounded it reached the logs, the traces and the metric labels at
 * up to the body limit each.
 */
export const DEFAULT_MAX_OPERATION_NAME = 100;

/** The address every process binds unless `HOST` says otherwise: only the same host can reach it, so that nothing is exposed to the network by accident. */
export const DEFAULT_HOST = "127.0.0.1";

/** How `admit` refuses a request: the HTTP status, the GraphQL error's code and message, extra headers. */
export interface Refusal {
  status: number;
  code: string;
  /** English, for API clients and the refusal log. */
  message: string;
  /** What a person reads (the code's label when absent). */
  localized?: LocalizedText;
  headers?: Record<string, string>;
}

class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(HTTP.bodyTooLarge.with({ limit }).en);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return reject(new PayloadTooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let the client finish sending it, so that it reads the 413
        // instead of a reset connection; the 413 closes the connection afterwards.
        req.off("data", onData);
        chunks.length = 0;
        req.resume();
        reject(new PayloadTooLarge(limit));
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * The length of the request's `operationName` (0 when it has none): from a JSON body (one
 * request or a batch) or, for GET, from the query string. Anything that is not a string is left
 * to Apollo Server to refuse.
 */
function operationNameLength(body: unknown, search: string): number {
  let longest = 0;
  const measure = (request: unknown) => {
    const name = (request as { operationName?: unknown } | null)?.operationName;
    if (typeof name === "string" && name.length > longest) longest = name.length;
  };
  if (Array.isArray(body)) body.forEach(measure);
  else if (body && typeof body === "object") measure(body);
  if (search.includes("operationName"))
    measure({ operationName: new URLSearchParams(search).get("operationName") ?? undefined });
  return longest;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function serveGraphql<TContext extends BaseContext, TAuth>(
  options: HttpServerOptions<TContext, TAuth>,
  req: IncomingMessage,
  res: ServerResponse,
  search: string,
): Promise<void> {
  const requestId =
    (!options.issueRequestIds && (req.headers["x-request-id"] as string | undefined)?.slice(0, 64)) || randomUUID();
  const refusal = options.admit?.(req);
  if (refusal) {
    sendJson(
      res,
      refusal.status,
      errorBody(req.headers, refusal.code, refusal.message, refusal.localized),
      refusal.headers,
    );
    return options.onRefused?.(req, requestId, refusal);
  }
  const raw = req.method === "POST" ? await readBody(req, options.bodyLimit ?? 1_000_000) : "";
  let auth: TAuth | undefined;
  if (options.authenticate) {
    try {
      auth = await options.authenticate(req, raw);
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      const code = (err.extensions.code as string) ?? "UNAUTHENTICATED";
      // A refusal may name its own status and headers (429 with retry-after, for instance).
      const http = err.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
      const status = http?.status ?? (code === "UNAUTHENTICATED" ? 401 : 400);
      sendJson(
        res,
        status,
        errorBody(req.headers, code, err.message, err.extensions.localizedMessage as string | undefined),
        http?.headers,
      );
      // A 400 (a malformed purpose header, say) is bad input, not a refusal of a person.
      if (status === 401 || status === 429) options.onRefused?.(req, requestId, { status, code, message: err.message });
      return;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  let body: unknown = raw;
  if (raw && (headers.get("content-type") ?? "").includes("json")) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(
        res,
        400,
        errorBody(req.headers, "BAD_REQUEST", "Request body is not valid JSON", HTTP.bodyNotJson),
      );
    }
  }
  const maxName = options.maxOperationName ?? DEFAULT_MAX_OPERATION_NAME;
  const name = operationNameLength(body, search);
  if (name > maxName) {
    const text = HTTP.operationNameTooLong.with({ length: name, limit: maxName });
    return sendJson(res, 400, errorBody(req.headers, "BAD_REQUEST", text.en, text));
  }
  // In a span continuing the caller's `traceparent` when tracing is on (a no-op otherwise).
  const execute = () =>
    withRequestSpan(req.headers, requestId, () =>
      options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
        context: () => options.context(req, requestId, auth),
      }),
    );
  const result = await (options.around ? options.around(execute) : execute());
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.setHeader("x-request-id", requestId);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") {
    res.end(result.body.string);
  } else {
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/**
 * A plain node:http server for one OneWindow process: `/graphql`, `GET /healthz` (alive) and
 * `GET /readyz` (can serve). No framework in the hot path. Metrics are on a port of their own
 * ({@link createMetricsServer}), so that the public port does not tell anyone how the process
 * is doing.
 */
export function createHttpServer<TContext extends BaseContext, TAuth = unknown>(
  options: HttpServerOptions<TContext, TAuth>,
): http.Server {
  const server = http.createServer((req, res) => {
    // Split by hand: a WHATWG URL per request is measurable on the GraphQL hot path.
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const search = q < 0 ? "" : raw.slice(q);
    const handle = async () => {
      switch (pathname) {
        case "/graphql":
          return serveGraphql(options, req, res, search);
        case "/healthz":
          return sendJson(res, 200, { status: "ok" });
        case "/readyz":
          try {
            await options.ready();
            return sendJson(res, 200, { status: "ready" });
          } catch (err) {
            return sendJson(res, 503, { status: "not ready", reason: (err as Error).message });
          }
        default: {
          const route = options.routes?.get(pathname);
          if (route) return route(req, res, search);
          if (options.static && (await serveStatic(options.static, req, res, pathname))) return;
          return sendJson(res, 404, { error: `no route ${pathname}; GraphQL is served at /graphql` });
        }
      }
    };
    handle().catch((err) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof PayloadTooLarge) {
        const text = HTTP.bodyTooLarge.with({ limit: err.limit });
        return sendJson(res, 413, errorBody(req.headers, "PAYLOAD_TOO_LARGE", text.en, text), {
          connection: "close",
        });
      }
      sendJson(res, 500, errorBody(req.headers, "INTERNAL_SERVER_ERROR", "Internal error"));
    });
  });
  server.on("clientError", answerClientError);
  return server;
}

/** Node's refusals of requests it cannot parse: status line, `extensions.code` and message. */
const CLIENT_ERRORS: Record<string, [status: string, code: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [
    "431 Request Header Fields Too Large",
    "HEADERS_TOO_LARGE",
    "the request line and headers are larger than 16 kB",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: ["408 Request Timeout", "REQUEST_TIMEOUT", "the request took too long to arrive"],
};

/**
 * Answers a request Node's HTTP parser refused (a malformed request line or header, headers over
 * 16 kB, too slow) with a JSON error and a code like every other answer, instead of Node's bare
 * status line; then closes the connection.
 */
function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ""] ?? [
    "400 Bad Request",
    "BAD_REQUEST",
    "the request is not valid HTTP",
  ];
  // No request to read a language from: the Chinese label, as for any request without Accept-Language.
  const body = JSON.stringify({
    errors: [{ message, extensions: { code, localizedMessage: errorCodeLabel(code).zh } }],
  });
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The process's Prometheus metrics (`GET /metrics`) on a port of its own (`METRICS_PORT`), for a
 * scraper inside the cluster, never published with the GraphQL port. `GET /metrics?gc=1` runs a
 * full garbage collection first when the process runs with `--expose-gc` (tests measure the
 * heap that way); otherwise the parameter does nothing.
 */
export function createMetricsServer(): http.Server {
  const server = http.createServer((req, res) => {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const pathname = q < 0 ? raw : raw.slice(0, q);
    if (pathname !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD"))
      return sendJson(res, 404, { error: `no route ${pathname}; metrics are at /metrics` });
    const gc = (globalThis as { gc?: () => void }).gc;
    if (
      gc &&
      raw
        .slice(q + 1)
        .split("&")
        .includes("gc=1")
    )
      gc();
    metricsRegistry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": metricsRegistry.contentType });
        res.end(text);
      },
      () => sendJson(res, 500, { error: "metrics could not be collected" }),
    );
  });
  server.on("clientError", answerClientError);
  return server;
}

/** Listens on `port` (0: any free port) and resolves with the port actually bound. */
export function listen(server: http.Server, port: number, host = DEFAULT_HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
