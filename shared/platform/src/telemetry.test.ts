import { afterAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import http from "node:http";
import {
  currentTraceparent,
  injectTraceparent,
  startTelemetry,
  stopTelemetry,
  traceLogFields,
  tracesEndpoint,
  tracingEnabled,
  withDepartmentSpan,
  withEventSpan,
  withRequestSpan,
} from "./telemetry";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT = `00-${TRACE}-00f067aa0ba902b7-01`;

describe("telemetry", () => {
  test("the OTLP traces URL comes from the standard variables; no endpoint, no tracing", () => {
    assert.equal(tracesEndpoint({}), null);
    assert.equal(
      tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }),
      "http://collector:4318/v1/traces",
    );
    assert.equal(
      tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }),
      "http://collector:4318/v1/traces",
    );
    assert.equal(
      tracesEndpoint({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://c:4318/traces",
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://x",
      }),
      "http://c:4318/traces",
    );
    assert.equal(
      tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" }),
      null,
    );
  });

  test("off: nothing starts, helpers only run the function and add nothing", async () => {
    assert.equal(startTelemetry("test", {}), false);
    assert.equal(tracingEnabled(), false);
    const headers = new Map<string, string>();
    const inside = await withRequestSpan({ traceparent: PARENT }, "r1", async () => {
      injectTraceparent(headers);
      return [currentTraceparent(), traceLogFields()];
    });
    assert.deepEqual(inside, [null, undefined]);
    assert.equal(headers.size, 0);
  });

  describe("on", () => {
    const bodies: unknown[] = [];
    const receiver = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        bodies.push(JSON.parse(raw));
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    afterAll(async () => {
      await stopTelemetry();
      await new Promise((r) => receiver.close(r));
    });

    test("a request continues the caller's traceparent; a department call, an event written and its handler stay in the trace", async () => {
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
      const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
      assert.equal(
        startTelemetry("test-service", { OTEL_EXPORTER_OTLP_ENDPOINT: url, OTEL_BSP_SCHEDULE_DELAY: "20" }),
        true,
      );
      assert.equal(tracingEnabled(), true);

      const headers = new Map<string, string>();
      const { written, logFields } = await withRequestSpan({ traceparent: PARENT }, "r1", async () => {
        await withDepartmentSpan("tax", async () => injectTraceparent(headers));
        return { written: currentTraceparent(), logFields: traceLogFields() };
      });
      assert.match(headers.get("traceparent")!, new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
      assert.match(written!, new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
      assert.equal(logFields!.trace_id, TRACE);
      assert.equal(written!.split("-")[2], logFields!.span_id);
      // The department call's span is a child of the request's, not the request's itself.
      assert.notEqual(headers.get("traceparent"), written);

      const handled = await withEventSpan(
        { id: "e1", type: "onewindow.labor.unemployment.registered", source: "labor-security", traceId: written },
        async () => traceLogFields(),
      );
      assert.equal(handled!.trace_id, TRACE);
      // An event without a traceId starts a trace of its own.
      const fresh = await withEventSpan({ id: "e2", type: "x", source: "y", traceId: null }, async () =>
        traceLogFields(),
      );
      assert.notEqual(fresh!.trace_id, TRACE);

      await stopTelemetry(); // flushes
      const spans = bodies.flatMap((b: any) =>
        b.resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans)),
      );
      const names = spans
        .filter((s: any) => s.traceId === TRACE)
        .map((s: any) => s.name)
        .sort();
      assert.deepEqual(names, ["department tax", "graphql", "process onewindow.labor.unemployment.registered"]);
      const service = bodies.flatMap((b: any) =>
        b.resourceSpans.map(
          (rs: any) => rs.resource.attributes.find((a: any) => a.key === "service.name").value.stringValue,
        ),
      );
      assert.deepEqual([...new Set(service)], ["test-service"]);
    });
  });
});
