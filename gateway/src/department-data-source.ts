import { departmentPart } from "@onewindow/contracts/i18n";
import type { KeyObject } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";
import { Pool } from "undici";
import { Histogram } from "prom-client";
import {
  CONTEXT_HEADER,
  contextClaims,
  injectTraceparent,
  metricsRegistry,
  OneWindowError,
  signContextHeader,
  withDepartmentSpan,
} from "@onewindow/platform/web";
import type { GatewayContext } from "./context";
import { GATEWAY } from "./messages";

/** Each department's share of the gateway's work, and its failures, on /metrics. */
const departmentRequests = new Histogram({
  name: "onewindow_subgraph_request_duration_seconds",
  help: "Gateway requests to a department by outcome: ok, errors (GraphQL errors in the answer), unavailable",
  labelNames: ["department", "outcome"],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

function isNetworkFailure(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string }; message?: string; name?: string };
  const code = e?.cause?.code ?? e?.code ?? "";
  return NETWORK_CODES.has(code) || /fetch failed/.test(e?.message ?? "");
}

/** How the gateway's connections to one department are pooled. */
export interface SubgraphPoolOptions {
  /** Most concurrent connections (and so requests in flight) to the department. */
  connections: number;
}

/**
 * A keep-alive connection pool to one department. undici's `Pool.request` costs a fraction of
 * a `fetch` (no WHATWG Request/Response/stream objects per call): it was the largest
 * single gain in the gateway's CPU per request (BENCHMARKS.md, "The gateway"). Pipelining stays off: a slow statement must not
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

/** A department's raw answer: status, content type and body text. */
interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends one POST to a department and reads its whole answer. */
type Send = (headers: Record<string, string>, body: string) => Promise<RawAnswer>;

function poolSender(pool: Pool, url: string): Send {
  const { pathname, search } = new URL(url);
  const path = pathname + search;
  return async (headers, body) => {
    const res = await pool.request({ method: "POST", path, headers, body });
    const type = res.headers["content-type"];
    return {
      status: res.statusCode,
      contentType: (Array.isArray(type) ? type[0] : type) ?? "",
      body: await res.body.text(),
    };
  };
}

function fetchSender(url: string): Send {
  return async (headers, body) => {
    const res = await fetch(url, { method: "POST", headers, body });
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", body: await res.text() };
  };
}

/**
 * One department's subgraph as the gateway sees it: the query planner's fetches go out as
 * POSTs carrying the caller's context signed for this department (see `signContextHeader`)
 * and the request id. It implements `GraphQLDataSource` itself rather than extending
 * `RemoteGraphQLDataSource`, which builds node-fetch `Headers` twice and a `Request` it never
 * sends for every fetch, and copies the headers again to sign them: about a tenth of the
 * gateway's CPU per request in a CPU profile under the benchmark's load. An unreachable department becomes an error
 * that names it, so that the answer still carries every other department's fields.
 */
export class DepartmentDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly send: Send;

  /** With a pool, requests go over it; without, over the global `fetch` (kept to measure against). */
  constructor(
    private readonly department: string,
    private readonly url: string,
    /** This department's internal-context key (`deriveContextKey`). */
    private readonly contextKey: KeyObject,
    pool?: Pool,
  ) {
    this.send = pool ? poolSender(pool, url) : fetchSender(url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const end = departmentRequests.startTimer({ department: this.department });
    try {
      // A span per department call when tracing is on; its traceparent goes in the headers.
      const response = await withDepartmentSpan(this.department, () => this.fetch(options));
      end({ outcome: response.errors?.length ? "errors" : "ok" });
      return response;
    } catch (err) {
      end({ outcome: isNetworkFailure(err) ? "unavailable" : "errors" });
      if (!isNetworkFailure(err)) throw err;
      throw new OneWindowError(
        "SERVICE_UNAVAILABLE",
        GATEWAY.departmentUnavailable.with({ department: departmentPart(this.department) }),
        { department: this.department },
      );
    }
  }

  private async fetch({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = request;
    if (!query)
      // A fault of the gateway's own: logged, and answered as an internal error.
      throw new Error("the query planner sent a department no query");
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const headers: Record<string, string> = { "content-type": "application/json" };
    // W3C trace context of this department call's span (unsigned, like x-request-id).
    injectTraceparent({ set: (name, value) => (headers[name] = value) });
    // Health checks and the planner's own requests come with another context shape, or none.
    const gateway = context as Partial<GatewayContext> | undefined;
    if (gateway?.caller && gateway.requestId) {
      headers["x-request-id"] = gateway.requestId;
      // The caller, purpose and request id, for this department only, bound to this exact body.
      headers[CONTEXT_HEADER] = signContextHeader(
        this.contextKey,
        contextClaims(gateway.caller, this.department, gateway.requestId, gateway.clientRequestId ?? null),
        body,
      );
    }
    const answer = await this.send(headers, body);
    const parsed = this.parse(answer);
    if (answer.status < 200 || answer.status >= 300) throw this.errorFrom(answer, parsed);
    if (typeof parsed !== "object" || parsed === null) {
      const text = GATEWAY.departmentNotJson.with({ department: departmentPart(this.department) });
      throw new GraphQLError(text.en, {
        extensions: { code: "BAD_GATEWAY", localizedMessage: text.zh, department: this.department },
      });
    }
    return parsed as GatewayGraphQLResponse;
  }

  private parse(answer: RawAnswer): unknown {
    if (!/^application\/(graphql-response\+)?json/.test(answer.contentType)) return answer.body;
    try {
      return JSON.parse(answer.body);
    } catch {
      return answer.body;
    }
  }

  /**
   * A department answers a request whose variables it cannot accept (an impossible date, say)
   * with HTTP 400, and one whose signature it refuses (keys out of step) with 401, both with
   * GraphQL errors that say what is wrong: pass the first on, with its code, instead of an
   * opaque "400: Bad Request". Anything else keeps the status and body, as Apollo's data source does.
   */
  private errorFrom(answer: RawAnswer, parsed: unknown): GraphQLError {
    const first = (parsed as { errors?: { message: string; extensions?: Record<string, unknown> }[] } | null)
      ?.errors?.[0];
    if ((answer.status === 400 || answer.status === 401) && first?.message) {
      return new GraphQLError(first.message, { extensions: { ...first.extensions, department: this.department } });
    }
    const statusText = STATUS_CODES[answer.status] ?? "";
    const code = answer.status === 401 ? "UNAUTHENTICATED" : answer.status === 403 ? "FORBIDDEN" : undefined;
    const text = GATEWAY.departmentHttpError.with({
      department: departmentPart(this.department),
      status: answer.status,
      statusText,
    });
    return new GraphQLError(text.en, {
      extensions: {
        ...(code ? { code } : {}),
        localizedMessage: text.zh,
        department: this.department,
        response: { url: this.url, status: answer.status, statusText, body: parsed },
      },
    });
  }
}
