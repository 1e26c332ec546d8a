import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { ApolloServer } from "@apollo/server";
import {
  GraphQLError,
  extendSchema,
  parse,
  validate,
  type ExecutionArgs,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { PURPOSE_HEADER, type Caller } from "@onewindow/contracts";
import { RateLimitedError, UnauthenticatedError, type EventEnvelope, type Logger } from "@onewindow/platform/web";
import type { Authenticator } from "../auth/authenticator";
import type { SubscriptionLimits } from "../config";
import type { GatewayContext } from "../context";
import { clientAddress } from "../limits/request-rate.limiter";
import type { EventFeed } from "./event-feed";
import { planPush, valueAt, type PushPlan } from "./push-query";
import { SUBSCRIPTION_FIELDS, subscriptionSdl, type SubscriptionField } from "./subscription-fields";
import { GATEWAY } from "../messages";

/** WebSocket close codes beyond graphql-ws's own (4400-4499 are the application's). */
export const CLOSE_CODES = {
  tokenExpired: 4401,
  tooManyConnections: 4429,
  slowConsumer: 4413,
} as const;

/**
 * One open connection, whatever carries it (a WebSocket, or a Server-Sent Events stream): its
 * caller for every push, and its counters.
 */
export interface Connection {
  caller: Caller;
  /** Whom the per-caller limit counts: the token's subject, or the address. */
  key: string;
  active: number;
  /** Only subscriptions anyone may follow (an event stream opened without a token). */
  publicOnly: boolean;
  expiry?: NodeJS.Timeout;
}

/** Why a connection was not opened: no valid token, or too many connections. */
export type ConnectionRefusal = "unauthenticated" | "tooManyConnections";

/** A subscription as a client sends it. */
export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What the gateway gives its subscriptions. */
export interface SubscriptionServerOptions {
  httpServer: http.Server;
  apollo: ApolloServer<GatewayContext>;
  authenticator: Authenticator;
  feed: EventFeed;
  limits: SubscriptionLimits;
  /** Largest message a client may send (a subscription document with its variables). */
  maxPayload: number;
  maxTokens: number;
  logger: Logger;
}

/**
 * GraphQL subscriptions at `/graphql` over WebSocket (the `graphql-transport-ws` protocol of
 * graphql-ws). The token and purpose come in the connection parameters (`Authorization`,
 * `x-access-purpose`); the connection closes when the token expires (4401), and the client
 * reconnects with a fresh one. Every push is a query in the subscriber's name through the
 * gateway's own execution, so limits, the departments' authorisation, masking and audit apply
 * as to any query; a subscriber too slow to take its messages is dropped (4413), never buffered
 * without bound.
 */
export class SubscriptionServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new WeakMap<WebSocket, Connection>();
  private readonly perCaller = new Map<string, number>();
  private readonly requests = new PlannedRequests();
  private open = 0;
  private schema: GraphQLSchema | null = null;

  constructor(private readonly options: SubscriptionServerOptions) {
    this.wss = new WebSocketServer({ server: options.httpServer, path: "/graphql", maxPayload: options.maxPayload });
    useServer<Record<string, unknown>, { socket: WebSocket; request: http.IncomingMessage }>(
      {
        schema: () => this.requireSchema(),
        onConnect: (ctx) => this.connect(ctx.extra.socket, ctx.extra.request, ctx.connectionParams ?? {}),
        onClose: (ctx) => this.disconnect(ctx.extra.socket),
        onSubscribe: (ctx, _id, payload) => this.prepare(this.connections.get(ctx.extra.socket)!, payload),
        subscribe: (args) => this.pushes(args),
        onNext: (ctx) => {
          // The socket's send buffer grows when the client reads slower than it is sent to.
          if (ctx.extra.socket.bufferedAmount > options.limits.bufferedBytes)
            ctx.extra.socket.close(CLOSE_CODES.slowConsumer, "too slow to take its messages");
        },
      },
      this.wss,
      30_000,
    );
  }

  /** The API schema the gateway serves, with `type Subscription`: set when the supergraph loads. */
  setApiSchema(apiSchema: GraphQLSchema): void {
    this.schema = extendSchema(apiSchema, parse(subscriptionSdl()));
  }

  private requireSchema(): GraphQLSchema {
    if (!this.schema) throw new Error("the gateway has not loaded its schema yet");
    return this.schema;
  }

  private async connect(socket: WebSocket, request: http.IncomingMessage, params: Record<string, unknown>) {
    const header = (name: string) => {
      const value = params[name] ?? params[name.toLowerCase()];
      return typeof value === "string" ? value : undefined;
    };
    const connection = await this.openConnection(header("Authorization"), header(PURPOSE_HEADER), request, () =>
      socket.close(CLOSE_CODES.tokenExpired, "the token has expired; reconnect with a new one"),
    );
    // A bad token: graphql-ws closes with 4403 Forbidden.
    if (connection === "unauthenticated") return false;
    if (connection === "tooManyConnections") {
      socket.close(CLOSE_CODES.tooManyConnections, "too many connections");
      return false;
    }
    this.connections.set(socket, connection);
    return true;
  }

  private disconnect(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    this.closeConnection(connection);
  }

  /**
   * Opens a connection for the caller of `authorization` and `purpose`, counted against the
   * per-caller and overall limits whatever its transport; `onExpired` is called when its token
   * expires (the transport then ends it). Every opened connection is closed with
   * {@link closeConnection}.
   */
  async openConnection(
    authorization: string | undefined,
    purpose: string | string[] | undefined,
    request: http.IncomingMessage,
    onExpired: () => void,
  ): Promise<Connection | ConnectionRefusal> {
    let session: Awaited<ReturnType<Authenticator["session"]>>;
    try {
      session = await this.options.authenticator.session(authorization, purpose);
    } catch {
      return "unauthenticated";
    }
    const key = session.caller.userId ? `user:${session.caller.userId}` : `address:${clientAddress(request)}`;
    const held = this.perCaller.get(key) ?? 0;
    if (held >= this.options.limits.connectionsPerCaller || this.open >= this.options.limits.connections)
      return "tooManyConnections";
    this.perCaller.set(key, held + 1);
    this.open++;
    const connection: Connection = { caller: session.caller, key, active: 0, publicOnly: false };
    if (session.expiresAt !== null) {
      // setTimeout takes at most 2^31-1 ms; tokens live at most a week, so re-arm when needed.
      const close = () => {
        const left = session.expiresAt! - Date.now();
        if (left <= 0) onExpired();
        else connection.expiry = setTimeout(close, Math.min(left, 2 ** 31 - 1));
      };
      close();
    }
    return connection;
  }

  /** Gives back a connection's place in the limits (once, when its transport has ended it). */
  closeConnection(connection: Connection): void {
    clearTimeout(connection.expiry);
    this.open--;
    const held = (this.perCaller.get(connection.key) ?? 1) - 1;
    if (held > 0) this.perCaller.set(connection.key, held);
    else this.perCaller.delete(connection.key);
  }

  /**
   * Parses, validates and plans a subscription, or takes the plan of the same request already
   * open (ten thousand screens on one board hold one document, not ten thousand); refusals are
   * answered as GraphQL errors.
   */
  prepare(connection: Connection, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
    const schema = this.requireSchema();
    try {
      if (connection.active >= this.options.limits.perConnection)
        throw new RateLimitedError(
          GATEWAY.subscriptionsPerConnection.with({ limit: this.options.limits.perConnection }),
        );
      const key = JSON.stringify([payload.query, payload.operationName ?? null, payload.variables ?? null]);
      let request = this.requests.find(key, schema);
      if (!request) {
        const document = parse(payload.query, { maxTokens: this.options.maxTokens });
        const errors = validate(schema, document);
        if (errors.length) return errors.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED"));
        const plan = planPush(
          schema,
          document,
          payload.operationName,
          payload.variables,
          (f) => SUBSCRIPTION_FIELDS[f]?.query,
        );
        request = new PlannedRequest(key, schema, document, plan);
      }
      const field = SUBSCRIPTION_FIELDS[request.plan.field];
      if (connection.publicOnly && !field.public)
        throw new UnauthenticatedError(GATEWAY.subscriptionNotPublic.with({ field: request.plan.field }));
      const refusal = field.admit?.(connection.caller);
      if (refusal) throw refusal;
      connection.active++;
      this.requests.acquire(request);
      // Anonymous subscribers of a public field with the same request get the same answers.
      const shared = field.public === true && isAnonymous(connection.caller);
      return { schema, document: request.document, contextValue: { connection, request, shared } };
    } catch (err) {
      if (err instanceof GraphQLError)
        return [withCode(err, err.extensions.code ? String(err.extensions.code) : "GRAPHQL_PARSE_FAILED")];
      throw err;
    }
  }

  /** The messages of a subscription {@link prepare} admitted, until it is returned or ends. */
  pushes(args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> {
    const { connection, request, shared } = args.contextValue as {
      connection: Connection;
      request: PlannedRequest;
      shared: boolean;
    };
    const field = SUBSCRIPTION_FIELDS[request.plan.field];
    return new PushStream(field, request.plan, connection.caller, this.options, shared ? request : null, () => {
      connection.active--;
      this.requests.release(request);
    });
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.close(1001, "the gateway is stopping");
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** No token, no purpose: nothing about the caller can change what a department answers. */
function isAnonymous(caller: Caller): boolean {
  return !caller.userId && !caller.roles.length && !caller.idNumber && !caller.hospitalCode && !caller.purpose;
}

/**
 * A subscription request (document, operation name and variables) planned once for all its
 * subscribers: the plan depends on nothing else. For anonymous subscribers of a public field it
 * also holds the latest event's push, computed once for all of them instead of once each (ten
 * thousand hall screens on one board are one query to the hall per call); only for anonymous
 * callers, whose answers cannot differ.
 */
class PlannedRequest {
  users = 0;
  private event: EventEnvelope | null = null;
  private result: Promise<ExecutionResult> | null = null;

  constructor(
    readonly key: string,
    readonly schema: GraphQLSchema,
    readonly document: DocumentNode,
    readonly plan: PushPlan,
  ) {}

  /**
   * The push for `event`, computed by the first subscriber to ask and shared by the others (the
   * feed hands every listener the same event object). Only the latest event's is kept: a
   * subscriber still behind on an older one computes its own.
   */
  of(event: EventEnvelope, compute: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    if (this.event !== event || !this.result) {
      this.event = event;
      this.result = compute();
    }
    return this.result;
  }
}

/** The open subscriptions' requests: an entry lives while it has subscribers, so there are never more than open subscriptions. */
class PlannedRequests {
  private readonly byKey = new Map<string, PlannedRequest>();

  /** The open request of `key` planned over `schema`, if any. */
  find(key: string, schema: GraphQLSchema): PlannedRequest | undefined {
    const request = this.byKey.get(key);
    return request?.schema === schema ? request : undefined;
  }

  acquire(request: PlannedRequest): void {
    if (request.users++ === 0) this.byKey.set(request.key, request);
  }

  release(request: PlannedRequest): void {
    if (--request.users === 0 && this.byKey.get(request.key) === request) this.byKey.delete(request.key);
  }
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

/**
 * One subscription's messages: the first read (when the field has one), then one per event of
 * the subscriber's, each asked of the supergraph when the previous one is done. Events wait in a
 * bounded queue meanwhile; past it the subscription ends with an error instead of growing.
 */
class PushStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: EventEnvelope[] = [];
  private wake: (() => void) | null = null;
  private done = false;
  /** More events arrived than {@link SubscriptionLimits.pendingEvents} while a push ran. */
  private overflowed = false;
  private first: Record<string, unknown> | null;
  private readonly unlisten: () => void;

  constructor(
    private readonly field: SubscriptionField,
    private readonly plan: PushPlan,
    private readonly caller: Caller,
    private readonly options: SubscriptionServerOptions,
    /** The push shared with the other anonymous subscribers of the same request, if any. */
    private readonly share: PlannedRequest | null,
    private readonly onEnd: () => void,
  ) {
    this.first = field.initial?.(plan.args) ?? null;
    this.unlisten = options.feed.listen(field.events, (event) => {
      if (this.done) return;
      if (this.queue.length >= options.limits.pendingEvents) {
        this.queue.length = 0;
        this.overflowed = true;
      } else this.queue.push(event);
      this.wake?.();
    });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.first) {
      const args = this.first;
      this.first = null;
      const result = await this.run(args);
      // A refused first read (an analyst asking for a case) is the answer, and the end.
      if (result.errors?.length && result.data?.[this.plan.responseKey] == null) await this.return();
      return { value: result, done: false };
    }
    while (!this.done) {
      if (this.overflowed) {
        await this.return();
        return {
          value: {
            errors: [
              new GraphQLError(GATEWAY.slowConsumer.en, {
                extensions: { code: "SLOW_CONSUMER", localizedMessage: GATEWAY.slowConsumer.zh },
              }),
            ],
          },
          done: false,
        };
      }
      const event = this.queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const args = this.field.select(event, this.plan.args, this.caller);
      if (!args) continue;
      const result = await (this.share ? this.share.of(event, () => this.run(args)) : this.run(args));
      // A list narrowed by the subscriber's filter that does not hold the record: not theirs.
      if (!result.errors?.length && result.data?.[this.plan.responseKey] == null) continue;
      return { value: result, done: false };
    }
    return { value: undefined, done: true };
  }

  /** Runs the push query in the subscriber's name: a request of its own, with its own id in the audit trails. */
  private async run(args: Record<string, unknown>): Promise<ExecutionResult> {
    const variables = {
      ...this.plan.variables,
      ...Object.fromEntries(Object.entries(args).map(([k, v]) => [`__${k}`, v])),
    };
    const requestId = randomUUID();
    const response = await this.options.apollo.executeOperation(
      { query: this.plan.document, variables },
      {
        contextValue: {
          requestId,
          clientRequestId: null,
          caller: this.caller,
          logger: this.options.logger.child({ requestId }),
        },
      },
    );
    if (response.body.kind !== "single") throw new Error("a push query answered incrementally");
    const { data, errors } = response.body.singleResult;
    const value = valueAt(data, this.plan.responseKey, this.plan.path);
    return {
      ...(data !== undefined ? { data: { [this.plan.responseKey]: value ?? null } } : {}),
      // Already formatted as for any request (masked internals); graphql-ws sends GraphQLErrors.
      ...(errors?.length
        ? { errors: errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) }
        : {}),
    };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.done) {
      this.done = true;
      this.unlisten();
      this.queue.length = 0;
      this.onEnd();
      this.wake?.();
    }
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw err;
  }
}
