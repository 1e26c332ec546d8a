import type { KeyObject } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { FetcherResponse } from "@apollo/utils.fetcher";
import { GraphQLError } from "graphql";
import { Pool } from "undici";
import { Histogram } from "prom-client";
import { CLAIMS_HEADER, contextClaims, injectTraceparent, metricsRegistry, signingFetcher, withDepartmentSpan } from "@onewindow/shared";

/** Each department's share of the gateway's work, and its failures, on /metrics. */
const departmentRequests = new Histogram({
  name: "onewindow_subgraph_request_duration_seconds",
  help: "Gateway requests to a department by outcome: ok, errors (GraphQL errors in the answer), unavailable",
  labelNames: ["department", "outcome"],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
import type { GatewayContext } from "./context";

const NETWORK_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ETIMEDOUT", "ENOTFOUND", "EPIPE",
  "UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
]);

function isNetworkFailure(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string }; message?: string; name?: string };
  const code = e?.cause?.code ?? e?.code ?? "";
  return NETWORK_CODES.has(code) || e?.name === "FetchError" || /fetch failed/.test(e?.message ?? "");
}

/** How the gateway's connections to one department are pooled. */
export interface SubgraphPoolOptions {
  /** Most concurrent connections (and so requests in flight) to the department. */
  connections: number;
}

/**
 * A keep-alive connection pool to one department. undici's `Pool.request` costs a fraction of
 * a `fetch` (no WHATWG Request/Response/stream objects per call): on this 2-core machine it
 * was the largest single gain of issue 7. Pipelining stays off: a slow statement must not
 * hold up the answers queued behind it on the same connection.
 */
export function createSubgraphPool(url: string, options: SubgraphPoolOptions): Pool {
  return new Pool(new URL(url).origin, {
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    // Far above any answer we expect; a hung department fails the request rather than hanging it.
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}

/**
 * The part of a Fetch API `Response` that `RemoteGraphQLDataSource` reads (`ok`, `status`,
 * `headers.get`, `json`, `text`), over a body undici has already read.
 */
class PooledResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };

  constructor(readonly status: number, raw: Record<string, string | string[] | undefined>, private readonly body: string, readonly url: string) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? "";
    this.headers = {
      get(name: string) {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async text(): Promise<string> {
    return this.body;
  }
}

/**
 * A `fetch`-shaped function for `RemoteGraphQLDataSource` that sends over `pool`. Only what the
 * data source sends is supported: a POST with a string body and plain-object headers.
 */
export function poolFetcher(pool: Pool, url: string) {
  const { pathname, search } = new URL(url);
  const path = pathname + search;
  return async (_url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<PooledResponse> => {
    const res = await pool.request({ method: (init.method ?? "POST") as "POST", path, headers: init.headers, body: init.body });
    return new PooledResponse(res.statusCode, res.headers, await res.body.text(), url);
  };
}

/**
 * One department's subgraph as the gateway sees it. Forwards the request id, and turns an
 * unreachable department into an error that names it, so that the answer still carries every
 * other department's fields. With a pool, requests go over it instead of `fetch`.
 */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly department: string, url: string, contextKey: KeyObject, pool?: Pool) {
    super({ url, fetcher: signingFetcher(pool ? poolFetcher(pool, url) : fetch, contextKey) as never });
  }

  /** The caller, purpose and request id go to the department signed (see `signingFetcher`). */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.caller) return;
    headers.set("x-request-id", context.requestId);
    // W3C trace context of this department call's span (unsigned, like x-request-id).
    injectTraceparent(headers);
    headers.set(CLAIMS_HEADER, contextClaims(context.caller, this.department, context.requestId));
  }

  /**
   * A department answers a request whose variables it cannot accept (an impossible date, say)
   * with HTTP 400 and GraphQL errors that say what is wrong: pass the first on, with its code,
   * instead of an opaque "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    // 400: variables it cannot accept; 401: it refused our signature (keys out of step).
    if (response.status === 400 || response.status === 401) {
      const body = (await this.parseBody(response)) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      const first = typeof body === "object" ? body.errors?.[0] : undefined;
      if (first) return new GraphQLError(first.message, { extensions: { ...first.extensions, department: this.department } });
    }
    return super.errorFromResponse(response);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const end = departmentRequests.startTimer({ department: this.department });
    try {
      // A span per department call when tracing is on; `willSendRequest` sends its traceparent.
      const response = await withDepartmentSpan(this.department, () => super.process(options));
      end({ outcome: response.errors?.length ? "errors" : "ok" });
      return response;
    } catch (err) {
      end({ outcome: isNetworkFailure(err) ? "unavailable" : "errors" });
      if (!isNetworkFailure(err)) throw err;
      throw new GraphQLError(`The ${this.department} department is unavailable right now; its fields are missing from this answer.`, {
        extensions: { code: "SERVICE_UNAVAILABLE", department: this.department },
      });
    }
  }
}
