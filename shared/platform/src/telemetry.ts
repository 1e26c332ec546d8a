import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/**
 * OpenTelemetry tracing for one OneWindow process: manual spans only (no auto-instrumentation),
 * W3C trace context between the gateway, the departments and — in the event envelope's
 * `traceId` — across NATS. Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set: then nothing is loaded, no provider is
 * registered and every helper below returns after one boolean test.
 */

/** The W3C header (and the format of the envelope's `traceId`). */
export const TRACEPARENT = "traceparent";

let tracer: Tracer | undefined;
let shutdownHook: (() => Promise<void>) | undefined;

/** True once {@link startTelemetry} registered a provider in this process. */
export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

/** What {@link startTelemetry} reads; all standard OpenTelemetry variables. */
export interface TelemetryEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_SDK_DISABLED?: string;
  OTEL_SERVICE_NAME?: string;
  OTEL_BSP_SCHEDULE_DELAY?: string;
  [name: string]: string | undefined;
}

/** The OTLP/HTTP traces URL from the environment, or null when tracing is off. */
export function tracesEndpoint(env: TelemetryEnv): string | null {
  if ((env.OTEL_SDK_DISABLED ?? "").toLowerCase() === "true") return null;
  const signal = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (signal) return signal;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!base) return null;
  return `${base.replace(/\/+$/, "")}/v1/traces`;
}

/**
 * Starts tracing for this process when the environment names an OTLP endpoint: a Node tracer
 * provider (AsyncLocalStorage context, W3C propagation) with `service.name` = `service`,
 * batching spans to OTLP/HTTP (JSON). Idempotent; returns whether tracing is on.
 */
export function startTelemetry(service: string, env: TelemetryEnv = process.env): boolean {
  if (tracer) return true;
  const url = tracesEndpoint(env);
  if (!url) return false;
  // Loaded only when tracing is on: a process without an endpoint never loads the SDK.
  const { NodeTracerProvider, BatchSpanProcessor } =
    require("@opentelemetry/sdk-trace-node") as typeof import("@opentelemetry/sdk-trace-node");
  const { OTLPTraceExporter } =
    require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { resourceFromAttributes } = require("@opentelemetry/resources") as typeof import("@opentelemetry/resources");
  const { ATTR_SERVICE_NAME } =
    require("@opentelemetry/semantic-conventions") as typeof import("@opentelemetry/semantic-conventions");
  const delay = Number(env.OTEL_BSP_SCHEDULE_DELAY);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || service }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url }),
        Number.isFinite(delay) && delay > 0 ? { scheduledDelayMillis: delay } : {},
      ),
    ],
  });
  provider.register();
  tracer = trace.getTracer("onewindow");
  shutdownHook = () => provider.shutdown();
  return true;
}

/** Exports what is still buffered and stops tracing (on a graceful stop). */
export async function stopTelemetry(): Promise<void> {
  const hook = shutdownHook;
  shutdownHook = undefined;
  tracer = undefined;
  await hook?.().catch(() => undefined);
}

const headerGetter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, unknown>, key: string) => carrier[key] as string | string[] | undefined,
};

/**
 * Runs `fn` in a SERVER span continuing the caller's `traceparent` (if any): one GraphQL request.
 * The span's name and operation attributes are set later by {@link tracingPlugin}.
 */
export function withRequestSpan<T>(
  headers: Record<string, unknown>,
  requestId: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracer) return fn();
  const parent = propagation.extract(ROOT_CONTEXT, headers, headerGetter);
  return runInSpan(
    tracer,
    "graphql",
    { kind: SpanKind.SERVER, attributes: { "onewindow.request_id": requestId } },
    parent,
    fn,
  );
}

/** Runs `fn` in a CLIENT span, a child of the active one: one call of the gateway to a department. */
export function withDepartmentSpan<T>(department: string, fn: () => Promise<T>): Promise<T> {
  if (!tracer) return fn();
  return runInSpan(
    tracer,
    `department ${department}`,
    { kind: SpanKind.CLIENT, attributes: { "onewindow.department": department } },
    context.active(),
    fn,
  );
}

/** Writes the active span's `traceparent` into an outgoing request's headers. */
export function injectTraceparent(headers: { set(name: string, value: string): void }): void {
  if (!tracer) return;
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** The active span as a W3C `traceparent` (for an event's envelope), or null. */
export function currentTraceparent(): string | null {
  if (!tracer) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier[TRACEPARENT] ?? null;
}

/**
 * Runs an event handler in a CONSUMER span continuing the trace of the request that wrote the
 * event (its envelope's `traceId`, a `traceparent`); a new trace when it has none.
 */
export function withEventSpan<T>(
  event: { id: string; type: string; source: string; traceId: string | null },
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracer) return fn();
  const parent = event.traceId
    ? propagation.extract(ROOT_CONTEXT, { [TRACEPARENT]: event.traceId }, headerGetter)
    : ROOT_CONTEXT;
  return runInSpan(
    tracer,
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        "messaging.system": "nats",
        "messaging.operation.type": "process",
        "messaging.message.id": event.id,
        "onewindow.event.type": event.type,
        "onewindow.event.source": event.source,
      },
    },
    parent,
    fn,
  );
}

/** `{ trace_id, span_id }` of the active span for a log line, or nothing. */
export function traceLogFields(): { trace_id: string; span_id: string } | undefined {
  if (!tracer) return undefined;
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

async function runInSpan<T>(
  t: Tracer,
  name: string,
  options: { kind: SpanKind; attributes: Attributes },
  parent: Context,
  fn: () => Promise<T>,
): Promise<T> {
  return t.startActiveSpan(name, options, parent, async (span: Span) => {
    try {
      return await fn();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/**
 * Names the request's span after the operation (`query CitizenAcrossDepartments`) and marks it
 * failed when the answer carries errors. Does nothing when tracing is off.
 */
export function tracingPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const span = tracer ? trace.getActiveSpan() : undefined;
      if (!span) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          const type = operation?.operation ?? "query";
          span.updateName(`${type} ${operationName ?? "anonymous"}`);
          span.setAttributes({
            "graphql.operation.type": type,
            "graphql.operation.name": operationName ?? "anonymous",
          });
        },
        async willSendResponse({ errors }) {
          if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]!.message });
        },
      };
    },
  };
}
