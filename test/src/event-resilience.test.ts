import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { connect } from "nats";
import { loadEventSigningKey, signEnvelope, type EventEnvelope } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";
import { crashAfterEffect } from "./harness/faults";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const count = async (stack: Stack, department: string, sql: string) =>
  Number(Object.values((await stack.sql(department, sql))[0])[0]);

describe("events survive a NATS outage and a consumer crash, and apply exactly once", () => {
  let stack: Stack;
  beforeAll(async () => {
    // A NATS of our own, to stop; a short ack wait, so a crashed consumer's event comes back soon.
    stack = await startStack({ env: { EVENT_ACK_WAIT_MS: "1000" } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test("with nats-server stopped, 500 mutations succeed; after it restarts every downstream effect appears exactly once", async () => {
    const people = Array.from({ length: 500 }, () => freshIdNumber("1975-05-20", "MALE"));
    for (const idNumber of people)
      await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
        i: { idNumber, name: "测试" },
      });
    await stack.nats!.halt();
    for (const idNumber of people) {
      await ok(stack, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`, {
        i: { idNumber, registeredOn: "2025-02-01" },
      });
    }
    const list = people.map((p) => `'${p}'`).join(",");
    assert.equal(
      await count(
        stack,
        "labor-security",
        `SELECT COUNT(*) AS n FROM outbox_event WHERE sent_at IS NULL AND type = 'onewindow.labor.unemployment.registered'`,
      ),
      500,
    );
    assert.equal(
      await count(stack, "medical-insurance", `SELECT COUNT(*) AS n FROM enrolment WHERE id_number IN (${list})`),
      0,
    );
    await stack.nats!.resume();
    await eventually(async () => {
      assert.equal(
        await count(
          stack,
          "medical-insurance",
          `SELECT COUNT(*) AS n FROM enrolment WHERE id_number IN (${list}) AND scheme = 'UNEMPLOYED'`,
        ),
        500,
      );
    }, 60_000);
    // Let any straggling redelivery arrive before counting duplicates.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(
      await count(stack, "medical-insurance", `SELECT COUNT(*) AS n FROM enrolment WHERE id_number IN (${list})`),
      500,
    );
    // The relay marks its rows sent after the server has acknowledged them: possibly after the consumer applied them.
    await eventually(async () =>
      assert.equal(
        await count(stack, "labor-security", `SELECT COUNT(*) AS n FROM outbox_event WHERE sent_at IS NULL`),
        0,
      ),
    );
    assert.equal(
      await count(
        stack,
        "medical-insurance",
        `SELECT COUNT(*) AS n FROM inbox_event WHERE type = 'onewindow.labor.unemployment.registered'`,
      ),
      500,
    );
    assert.equal(await count(stack, "medical-insurance", `SELECT COUNT(*) AS n FROM dead_letter`), 0);
  });

  test("a consumer killed after its effect but before its ack applies nothing twice on restart", async () => {
    const idNumber = freshIdNumber("1969-01-01", "FEMALE");
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "冯桂英" },
    });
    await ok(stack, `mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`, {
      i: { idNumber, scheme: "RESIDENT", since: "2019-01-01" },
    });
    await stack.stopSubgraph("medical-insurance");
    // The fault: the consumer exits right after committing an effect, before acknowledging it.
    await stack.restartSubgraph("medical-insurance", crashAfterEffect());
    const nc = await connect(stack.natsLogin());
    const event = {
      id: randomUUID(),
      type: "onewindow.hospital.inpatient.discharged",
      version: 1,
      source: "hospital-quality",
      occurredAt: new Date().toISOString(),
      subject: idNumber,
      data: {
        stayId: 99,
        hospitalCode: "JD001",
        patientIdNumber: idNumber,
        department: "内科",
        admittedOn: "2026-09-01",
        dischargedOn: "2026-09-05",
        totalCostFen: 560000,
        drugCostFen: 210000,
      },
      traceId: null,
    };
    const jsm = await nc.jetstreamManager();
    await jsm.streams.info(`${stack.eventsPrefix}_HOSPITAL`.toUpperCase()).catch(() =>
      jsm.streams.add({
        name: `${stack.eventsPrefix}_HOSPITAL`.toUpperCase(),
        subjects: [`${stack.eventsPrefix}.hospital.>`],
      }),
    );
    // Signed as hospital-quality signs its events (its development key), or the consumer refuses it.
    const signed = signEnvelope(event as EventEnvelope, loadEventSigningKey({}, stack.dataDir, "hospital-quality"));
    await nc
      .jetstream()
      .publish(`${stack.eventsPrefix}.hospital.inpatient.discharged`, JSON.stringify(signed), { msgID: event.id });
    const claims = `SELECT COUNT(*) AS n FROM claim WHERE id_number = '${idNumber}'`;
    await eventually(async () => assert.equal(await count(stack, "medical-insurance", claims), 1));
    await eventually(async () =>
      assert.equal(stack.exitCode("medical-insurance"), 86, "the consumer should have died before its ack"),
    );
    await stack.restartSubgraph("medical-insurance");
    // Redelivered after the ack wait, found in the inbox, acknowledged without a second claim.
    await eventually(async () => {
      const info = await jsm.consumers.info(`${stack.eventsPrefix}_HOSPITAL`.toUpperCase(), "medical-insurance");
      assert.equal(info.num_ack_pending + info.num_pending, 0);
    });
    assert.equal(await count(stack, "medical-insurance", claims), 1);
    await nc.close();
  });
});
