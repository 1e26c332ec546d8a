import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { addDays, today } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

/** One span as an OTLP/HTTP JSON export carries it, with its process's `service.name`. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
const valueOf = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
const attributesOf = (list: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

/** A minimal OTLP/HTTP receiver (JSON protocol, what @opentelemetry/exporter-trace-otlp-http sends). */
async function startReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      let raw = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") raw = gunzipSync(raw);
      const body = JSON.parse(raw.toString("utf8"));
      for (const rs of body.resourceSpans ?? []) {
        const service = String(attributesOf(rs.resource?.attributes)["service.name"]);
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({
              service,
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId ?? "",
              name: s.name,
              kind: s.kind,
              attributes: attributesOf(s.attributes),
            });
          }
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fresh sampled W3C traceparent, so that the test knows its trace id. */
function newTraceparent(): { traceId: string; header: string } {
  const traceId = randomBytes(16).toString("hex");
  return { traceId, header: `00-${traceId}-${randomBytes(8).toString("hex")}-01` };
}

describe("OpenTelemetry traces from the gateway through the departments and across NATS", () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: "100" } });
  });
  afterAll(async () => {
    if (process.env.DEBUG_SPANS)
      console.error(
        JSON.stringify(
          receiver.spans.map((s) => [
            s.service,
            s.name,
            s.traceId.slice(0, 6),
            s.spanId.slice(0, 6),
            s.parentSpanId.slice(0, 6),
          ]),
        ),
      );
    await stack?.stop();
    await receiver?.close();
  });

  /** Sends an operation through the gateway with the client's own `traceparent`. */
  async function traced(query: string, variables: Record<string, unknown>): Promise<string> {
    const { traceId, header } = newTraceparent();
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: header, ...(await stack.headers()) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await res.json()) as { errors?: unknown };
    assert.equal(json.errors, undefined, JSON.stringify(json.errors));
    return traceId;
  }
  const spansOf = (traceId: string) => receiver.spans.filter((s) => s.traceId === traceId);

  test("a query across departments: one trace with the gateway's request span, a span per department call and each department's request span", async () => {
    const idNumber = freshIdNumber();
    await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "周敏" },
    });
    await stack.query(`mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`, {
      i: { idNumber, scheme: "RESIDENT", since: "2020-01-01" },
    });
    const traceId = await traced(
      `query CitizenAcrossDepartments($id: ID!) { citizen(idNumber: $id) { name medicalInsurance { scheme } } }`,
      { id: idNumber },
    );

    // Each process exports its spans in its own batches, so any of them may arrive last.
    const spans = await eventually(async () => {
      const spans = spansOf(traceId);
      assert.ok(
        spans.some((s) => s.service === "labor-security" && s.kind === 2),
        "labor-security's request span",
      );
      assert.ok(
        spans.some((s) => s.service === "medical-insurance" && s.kind === 2),
        "medical-insurance's request span",
      );
      assert.ok(
        spans.some((s) => s.service === "gateway" && s.name === "query CitizenAcrossDepartments"),
        "the gateway's request span",
      );
      for (const department of ["labor-security", "medical-insurance"]) {
        assert.ok(
          spans.some((s) => s.service === "gateway" && s.name === `department ${department}`),
          `the gateway's span for its call to ${department}`,
        );
      }
      return spans;
    });
    const request = spans.find((s) => s.service === "gateway" && s.name === "query CitizenAcrossDepartments")!;
    assert.equal(request.kind, 2); // SERVER
    assert.equal(request.attributes["graphql.operation.name"], "CitizenAcrossDepartments");
    assert.equal(typeof request.attributes["onewindow.request_id"], "string");
    for (const department of ["labor-security", "medical-insurance"]) {
      const call = spans.find((s) => s.service === "gateway" && s.name === `department ${department}`);
      assert.ok(call, `the gateway's span for its call to ${department}`);
      assert.equal(call.kind, 3); // CLIENT
      // The department's request span is the child of the gateway's call (traceparent header).
      const served = spans.find((s) => s.service === department && s.parentSpanId === call.spanId);
      assert.ok(served, `${department}'s request span continues the gateway's call span`);
      assert.equal(served.attributes["onewindow.request_id"], request.attributes["onewindow.request_id"]);
    }
  });

  test("registerUnemployment: insurance's event handler continues the trace of labor's request (the envelope's traceId)", async () => {
    const idNumber = freshIdNumber("1978-08-08", "FEMALE");
    await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "沈月华" },
    });
    await stack.query(`mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`, {
      i: { idNumber, scheme: "RESIDENT", since: "2020-01-01" },
    });
    const traceId = await traced(
      `mutation Unemployed($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`,
      {
        i: { idNumber, registeredOn: addDays(today(), -30) },
      },
    );

    // Each process exports its spans in its own batches, so any of them may arrive last.
    const spans = await eventually(async () => {
      const spans = spansOf(traceId);
      assert.ok(
        spans.some(
          (s) => s.service === "medical-insurance" && s.name === "process onewindow.labor.unemployment.registered",
        ),
        "insurance's handler span",
      );
      assert.ok(
        spans.some((s) => s.service === "gateway" && s.name === "mutation Unemployed"),
        "the gateway's request span",
      );
      assert.ok(
        spans.some((s) => s.service === "labor-security" && s.kind === 2),
        "labor-security's request span",
      );
      return spans;
    });
    const labor = spans.find((s) => s.service === "labor-security" && s.kind === 2)!;
    const handler = spans.find((s) => s.name === "process onewindow.labor.unemployment.registered")!;
    assert.equal(handler.kind, 5); // CONSUMER
    assert.equal(
      handler.parentSpanId,
      labor.spanId,
      "the handler's span is a child of the request that wrote the event",
    );
    assert.equal(handler.attributes["onewindow.event.source"], "labor-security");
    assert.ok(
      new Set(spans.map((s) => s.service)).size >= 3,
      `services in the trace: ${[...new Set(spans.map((s) => s.service))]}`,
    );

    // And the effect happened (the handler's span may be exported before its transaction is read back).
    await eventually(async () => {
      const data = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { medicalInsurance { scheme } } }`, {
        id: idNumber,
      });
      assert.equal(
        (data.data as { citizen: { medicalInsurance: { scheme: string } } }).citizen.medicalInsurance.scheme,
        "UNEMPLOYED",
      );
    });
  });
});
