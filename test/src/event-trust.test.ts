import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { AckPolicy, connect, type NatsConnection } from "nats";
import { loadEventSigningKey, signEnvelope, streamName, type EventEnvelope } from "@onewindow/platform";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}, as?: As) {
  const res = await stack.query(query, variables, as);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const STATE = `query ($id: ID!) { citizen(idNumber: $id) { employmentStatus medicalInsurance { scheme monthlyContribution } exemptPensionIncome(year: 2024) } }`;

// An attacker on the network of a whole stack: its own nats-server runs with the generated users
// (as `npm start` runs it); the effects are read back through the gateway over HTTP.
describe("events: who may publish what, and forged envelopes", () => {
  let stack: Stack;
  let idNumber: string;
  const connections: NatsConnection[] = [];
  const login = async (user?: string) => {
    const nc = await connect({ ...stack.natsLogin(user), inboxPrefix: user ? `_INBOX_${user}` : undefined });
    connections.push(nc);
    return nc;
  };
  const retirement = (source = "labor-security"): EventEnvelope<"onewindow.labor.retirement.approved"> => ({
    id: randomUUID(),
    type: "onewindow.labor.retirement.approved",
    version: 1,
    source,
    occurredAt: new Date().toISOString(),
    subject: idNumber,
    data: { idNumber, retiredOn: "2024-01-01", monthlyPensionFen: 9_999_900 },
    traceId: null,
  });
  const subject = () => `${stack.eventsPrefix}.labor.retirement.approved`;
  const before0 = {
    employmentStatus: "EMPLOYED",
    medicalInsurance: { scheme: "EMPLOYEE", monthlyContribution: 100 },
    exemptPensionIncome: 0,
  };

  beforeAll(async () => {
    stack = await startStack();
    idNumber = freshIdNumber("1964-03-15", "MALE");
    const creditCode = freshCreditCode();
    await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
      i: { idNumber, name: "马国强" },
    });
    await ok(stack, `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`, {
      i: { creditCode, name: "杭州华丰机械有限公司" },
    });
    await ok(stack, `mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`, {
      i: { idNumber, scheme: "EMPLOYEE", creditCode, since: "2015-01-01" },
    });
    await ok(stack, `mutation ($i: RecordEmploymentInput!) { recordEmployment(input: $i) { startDate } }`, {
      i: { idNumber, creditCode, startDate: "2015-01-01" },
    });
    const state = await eventually(async () => {
      const data = await ok(stack, STATE, { id: idNumber });
      assert.equal(data.citizen.employmentStatus, "EMPLOYED");
      return data.citizen;
    });
    before0.medicalInsurance = state.medicalInsurance;
    before0.exemptPensionIncome = state.exemptPensionIncome;
  });
  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await stack?.stop();
  });

  test("a client without credentials, or with a wrong password, is not let in", async () => {
    await assert.rejects(connect({ servers: stack.natsUrl }), (err: any) => err.code === "AUTHORIZATION_VIOLATION");
    await assert.rejects(
      connect({ servers: stack.natsUrl, user: "labor-security", pass: "guessed" }),
      (err: any) => err.code === "AUTHORIZATION_VIOLATION",
    );
  });

  test("another department's credentials cannot publish under labor's prefix, read labor's events, or touch labor's stream", async () => {
    for (const user of ["tax", "service-hall", "hospital-quality"]) {
      const nc = await login(user);
      const forged = signEnvelope(retirement(), generateKeyPairSync("ed25519").privateKey);
      await assert.rejects(
        nc.jetstream().publish(subject(), JSON.stringify(forged), { timeout: 3000 }),
        (err: any) => err.code === "PERMISSIONS_VIOLATION",
        user,
      );
      const jsm = await nc.jetstreamManager();
      const labor = streamName(stack.eventsPrefix, "labor");
      await assert.rejects(
        jsm.streams.delete(labor),
        (err: any) => /permissions violation/i.test(String(err)),
        `${user} deletes labor's stream`,
      );
      await assert.rejects(
        jsm.streams.purge(labor),
        (err: any) => /permissions violation/i.test(String(err)),
        `${user} purges labor's stream`,
      );
    }
    // hospital-quality consumes no labor events: it may not open a consumer on labor's stream.
    const hospital = await (await login("hospital-quality")).jetstreamManager();
    await assert.rejects(
      hospital.consumers.add(streamName(stack.eventsPrefix, "labor"), {
        durable_name: "hospital-quality",
        ack_policy: AckPolicy.Explicit,
      }),
      (err: any) => /permissions violation/i.test(String(err)),
    );
    // Nor may it listen to labor's subjects directly.
    const sub = (await login("tax")).subscribe(`${stack.eventsPrefix}.labor.>`);
    const read = async () => {
      for await (const _ of sub) assert.fail("tax received one of labor's events");
    };
    await assert.rejects(read(), (err: any) => /permissions violation for subscription/i.test(String(err)));
    // Nothing reached a consumer: no dead letters, no effect.
    assert.deepEqual(await stack.sql("tax", "SELECT id FROM dead_letter"), []);
    assert.deepEqual((await ok(stack, STATE, { id: idNumber })).citizen, before0);
  });

  test("the gateway's NATS user reads only the events its subscriptions follow and publishes nothing", async () => {
    const nc = await login("gateway");
    const forged = signEnvelope(retirement(), generateKeyPairSync("ed25519").privateKey);
    await assert.rejects(
      nc.jetstream().publish(subject(), JSON.stringify(forged), { timeout: 3000 }),
      (err: any) => err.code === "PERMISSIONS_VIOLATION",
    );
    const sub = nc.subscribe(subject());
    const read = async () => {
      for await (const _ of sub) assert.fail("the gateway received a retirement event");
    };
    await assert.rejects(read(), (err: any) => /permissions violation for subscription/i.test(String(err)));
    await assert.rejects(
      async () => (await nc.jetstreamManager()).streams.delete(streamName(stack.eventsPrefix, "labor")),
      (err: any) => /permissions violation/i.test(String(err)),
    );
  });

  test("a retirement.approved published with labor-security's own NATS credentials but not signed by labor-security lands in tax's and insurance's dead letters; nothing is applied", async () => {
    const nc = await login("labor-security");
    const js = nc.jetstream();
    const laborKey = loadEventSigningKey({}, stack.dataDir, "labor-security");
    const altered = signEnvelope(retirement(), laborKey);
    altered.data.monthlyPensionFen = 99_999_900;
    const forged: [EventEnvelope, RegExp][] = [
      [retirement(), /unsigned/],
      [
        signEnvelope(retirement(), generateKeyPairSync("ed25519").privateKey),
        /does not verify with labor-security's key/,
      ],
      [altered, /does not verify/],
      // The hall's own key is genuine, but the hall does not approve retirements.
      [
        signEnvelope(retirement("service-hall"), loadEventSigningKey({}, stack.dataDir, "service-hall")),
        /wrong source service-hall/,
      ],
    ];
    for (const [event] of forged) await js.publish(subject(), JSON.stringify(event), { msgID: event.id });
    for (const department of ["tax", "medical-insurance"]) {
      const letters = await eventually(async () => {
        const rows = await stack.sql<{ id: string; error: string; attempts: number }>(
          department,
          "SELECT id, error, attempts FROM dead_letter",
        );
        assert.equal(rows.length, forged.length, department);
        return rows;
      });
      for (const [event, reason] of forged) {
        const letter = letters.find((l) => l.id === event.id);
        assert.ok(letter, `${department} filed ${event.id}`);
        assert.match(letter.error, reason);
        assert.equal(Number(letter.attempts), 0);
      }
      assert.deepEqual(
        await stack.sql(department, `SELECT id FROM inbox_event WHERE type = 'onewindow.labor.retirement.approved'`),
        [],
      );
    }
    assert.deepEqual((await ok(stack, STATE, { id: idNumber })).citizen, before0);

    // The genuine approval, through the gateway, behind the forged ones in the same stream: it applies.
    await ok(stack, `mutation ($i: ApproveRetirementInput!) { approveRetirement(input: $i) { retiredOn } }`, {
      i: { idNumber, retiredOn: "2024-04-01", monthlyPension: 3200 },
    });
    await eventually(async () => {
      const { citizen } = await ok(stack, STATE, { id: idNumber });
      assert.equal(citizen.medicalInsurance.scheme, "RETIREE");
      assert.equal(citizen.exemptPensionIncome, 3200 * 9);
    });
  });
});
