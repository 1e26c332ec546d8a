import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExecutionArgs, ExecutionResult, GraphQLError } from "graphql";
import { PURPOSE_HEADER } from "@onewindow/contracts";
import type { SubscriptionLimits } from "../config";
import type { SubscriptionServer } from "./subscription-server";

/** The path of the event stream, beside `/graphql`. */
export const EVENT_STREAM_PATH = "/graphql/stream";

/** Query parameters that would put a token in the address, where logs and histories keep it. */
const TOKEN_PARAMETERS = ["token", "access_token", "authorization", "jwt"];

/** A comment line now and then keeps proxies from closing a quiet stream, as graphql-ws pings. */
const KEEP_ALIVE_MS = 30_000;

/** The HTTP status of a refusal answered before the stream starts. */
const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, FORBIDDEN: 403 };

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendErrors(res, status, [{ message, extensions: { code } }]);
}

function isRefusal(prepared: ExecutionArgs | readonly GraphQLError[]): prepared is readonly GraphQLError[] {
  return Array.isArray(prepared);
}

function sendErrors(res: ServerResponse, status: number, errors: readonly unknown[]): void {
  const text = JSON.stringify({ errors });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * GraphQL subscriptions over Server-Sent Events, for screens that only read (a hall's queue
 * board): `GET /graphql/stream?query=…&variables=…&operationName=…`, one subscription per
 * request, in the messages of the graphql-sse protocol's "distinct connections mode" (`event:
 * next` with the result as `data`, `event: complete` at the end). The token goes in the
 * `Authorization` header, never in the address; without one (EventSource cannot send headers)
 * only public subscriptions are served. Planning, limits, per-caller connection counts and the
 * slow-consumer rule are the WebSocket path's own ({@link SubscriptionServer}); a refusal before
 * the stream starts is a JSON answer with a status, as on `POST /graphql`.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly subscriptions: SubscriptionServer,
    private readonly limits: Pick<SubscriptionLimits, "bufferedBytes">,
  ) {
    this.keepAlive = setInterval(() => {
      for (const res of this.open) this.write(res, ":\n\n");
    }, KEEP_ALIVE_MS).unref();
  }

  /** Serves one `GET /graphql/stream` request until the subscription ends or the client leaves. */
  async serve(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      return refuse(res, 405, "METHOD_NOT_ALLOWED", "the event stream is opened with GET");
    }
    const params = new URLSearchParams(search);
    if (TOKEN_PARAMETERS.some((name) => params.has(name)))
      return refuse(res, 400, "BAD_REQUEST", "send the token in the Authorization header, never in the address");
    const query = params.get("query");
    if (!query) return refuse(res, 400, "BAD_REQUEST", "the query parameter `query` holds the subscription");
    let variables: Record<string, unknown> | null = null;
    const rawVariables = params.get("variables");
    if (rawVariables) {
      try {
        variables = JSON.parse(rawVariables) as Record<string, unknown> | null;
      } catch {
        return refuse(res, 400, "BAD_REQUEST", "the query parameter `variables` is not valid JSON");
      }
      if (variables !== null && (typeof variables !== "object" || Array.isArray(variables)))
        return refuse(res, 400, "BAD_REQUEST", "the query parameter `variables` must be a JSON object");
    }

    const authorization = req.headers.authorization;
    // Set once the subscription is admitted; the token may expire before that.
    const subscription: { stream?: AsyncIterableIterator<ExecutionResult> } = {};
    let ended = false;
    /** Ends the stream once, with a last message when it still can be written. */
    const end = (last?: { errors: unknown[] }) => {
      if (ended) return;
      ended = true;
      void subscription.stream?.return?.();
      if (!res.headersSent || res.destroyed) return;
      if (last) res.write(`event: next\ndata: ${JSON.stringify(last)}\n\n`);
      res.end("event: complete\ndata:\n\n");
    };
    const connection = await this.subscriptions.openConnection(authorization, req.headers[PURPOSE_HEADER], req, () =>
      end({ errors: [{ message: "令牌已过期，请以新令牌重新连接", extensions: { code: "UNAUTHENTICATED" } }] }),
    );
    if (connection === "unauthenticated")
      return refuse(res, 401, "UNAUTHENTICATED", "the Authorization header must hold a valid `Bearer <token>`");
    if (connection === "tooManyConnections") return refuse(res, 429, "RATE_LIMITED", "too many connections");
    // Gone while its token was checked: its close was before anything below could listen for it.
    if (req.socket.destroyed) return this.subscriptions.closeConnection(connection);
    connection.publicOnly = !authorization;

    const prepared = this.subscriptions.prepare(connection, {
      query,
      variables,
      operationName: params.get("operationName"),
    });
    if (isRefusal(prepared)) {
      this.subscriptions.closeConnection(connection);
      return sendErrors(res, STATUS_OF[String(prepared[0]?.extensions.code)] ?? 400, prepared);
    }
    const stream = (subscription.stream = this.subscriptions.pushes(prepared));

    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      // Proxies that buffer answers would hold the messages back.
      "x-accel-buffering": "no",
    });
    res.flushHeaders();
    this.open.add(res);
    const left = new Promise<void>((resolve) =>
      res.once("close", () => {
        this.open.delete(res);
        this.subscriptions.closeConnection(connection);
        end();
        resolve();
      }),
    );
    try {
      for await (const result of stream) {
        if (ended || !this.write(res, `event: next\ndata: ${JSON.stringify(result)}\n\n`)) break;
      }
    } finally {
      end();
    }
    await left;
  }

  /** Writes unless the client is too slow to read what it was sent: then it is dropped, never buffered without bound. */
  private write(res: ServerResponse, text: string): boolean {
    if (res.destroyed) return false;
    res.write(text);
    if (res.writableLength <= this.limits.bufferedBytes) return true;
    res.destroy();
    return false;
  }

  /** Ends every open stream (the gateway is stopping). */
  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.open) res.end();
  }
}
