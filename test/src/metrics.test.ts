import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { startStack, type Stack } from "./harness/stack";
import { freshIdNumber } from "./harness/fixtures";
import { eventually } from "./harness/eventually";

const metricsOf = async (stack: Stack, name: string) =>
  (await fetch(`http://127.0.0.1:${stack.metricsPortOf(name)}/metrics`)).text();

describe("Prometheus metrics on every process, on its metrics port", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("the gateway times each department; departments report requests, outbox backlog, dead letters and consumer lag", async () => {
    const idNumber = freshIdNumber();
    await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "周敏" },
    });
    const read = await stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name medicalInsurance { scheme } } }`, {
      id: idNumber,
    });
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));

    const gateway = await metricsOf(stack, "gateway");
    assert.match(
      gateway,
      /onewindow_subgraph_request_duration_seconds_count\{department="labor-security",outcome="ok"\} [1-9]/,
    );
    assert.match(
      gateway,
      /onewindow_subgraph_request_duration_seconds_count\{department="medical-insurance",outcome="ok"\} [1-9]/,
    );
    assert.match(gateway, /onewindow_graphql_request_duration_seconds_count\{[^}]*service="gateway"/);

    const insurance = await metricsOf(stack, "medical-insurance");
    assert.match(insurance, /onewindow_graphql_request_duration_seconds_count\{[^}]*service="medical-insurance"/);
    assert.match(insurance, /onewindow_outbox_backlog\{service="medical-insurance"\} \d+/);
    assert.match(insurance, /onewindow_dead_letters\{service="medical-insurance"\} 0/);
    // Insurance consumes labor's stream; once the registration's event is applied its lag is 0.
    await eventually(async () => {
      const text = await metricsOf(stack, "medical-insurance");
      assert.match(
        text,
        /onewindow_consumer_lag\{service="medical-insurance",source="labor"\} 0/,
        `no settled consumer lag for labor in:\n${text
          .split("\n")
          .filter((l) => l.includes("consumer_lag"))
          .join("\n")}`,
      );
    });
  });
});
