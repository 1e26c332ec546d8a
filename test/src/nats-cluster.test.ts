import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import { connect, type JetStreamManager, type NatsConnection } from "nats";
import { natsSubject, streamName } from "@onewindow/platform";
import { startStack, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

async function ok(stack: Stack, query: string, variables: Record<string, unknown> = {}) {
  const res = await stack.query(query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

const count = async (stack: Stack, department: string, sql: string) =>
  Number(Object.values((await stack.sql(department, sql))[0])[0]);

const registerUnemployment = (stack: Stack, idNumber: string) =>
  ok(stack, `mutation ($i: RegisterUnemploymentInput!) { registerUnemployment(input: $i) { status } }`, {
    i: { idNumber, registeredOn: "2025-02-01" },
  });

describe("on a three-node NATS cluster, events survive the loss of a node and apply exactly once", () => {
  let stack: Stack;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  beforeAll(async () => {
    // No NATS_REPLICAS: the services find the cluster and give their streams three replicas.
    stack = await startStack({ natsCluster: 3 });
    nc = await connect(stack.natsLogin());
    jsm = await nc.jetstreamManager();
  });
  afterAll(async () => {
    await nc?.close();
    await stack?.stop();
  });

  test("streams and consumers have three replicas; a burst of unemployment registrations with the labour stream's leader killed midway all reach medical insurance once", async () => {
    const labor = streamName(stack.eventsPrefix, "labor");
    // labor-security creates its stream when it connects; medical-insurance's consumer follows.
    const info = await eventually(() => jsm.streams.info(labor), 60_000);
    assert.equal(info.config.num_replicas, 3);
    const people = Array.from({ length: 120 }, () => freshIdNumber("1978-03-14", "FEMALE"));
    for (const idNumber of people)
      await ok(stack, `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
        i: { idNumber, name: "测试" },
      });
    const [before, after] = [people.slice(0, 60), people.slice(60)];
    for (const idNumber of before) await registerUnemployment(stack, idNumber);

    // The node that leads the labour stream: with one replica the stream would live there alone.
    const leader = (await jsm.streams.info(labor)).cluster?.leader;
    const node = stack.natsNodes.find((n) => n.serverName === leader);
    assert.ok(node, `the stream's leader ${leader} is one of the stack's nodes`);
    // The consumer is replicated too, so its acknowledged position survives with it.
    const consumer = await eventually(() => jsm.consumers.info(labor, "medical-insurance"), 60_000);
    assert.equal(consumer.cluster?.replicas?.length, 2, "the consumer has two replicas besides its leader");
    await node.halt("SIGKILL");
    const downAt = Date.now();
    await eventually(async () => {
      const info = await jsm.streams.info(labor);
      assert.ok(info.cluster?.leader && info.cluster.leader !== leader, "another node leads the stream");
    }, 60_000);
    for (const idNumber of after) await registerUnemployment(stack, idNumber);

    // With the node still down, every registration, before and after the loss, reaches medical insurance.
    const list = people.map((p) => `'${p}'`).join(",");
    const enrolled = `SELECT COUNT(*) AS n FROM enrolment WHERE id_number IN (${list}) AND scheme = 'UNEMPLOYED'`;
    await eventually(
      async () => assert.equal(await count(stack, "medical-insurance", enrolled), people.length),
      120_000,
    );

    await node.resume();
    // Reported, never asserted: how long the burst ran without the node (BENCHMARKS.md).
    console.log(`node ${leader} down ${((Date.now() - downAt) / 1000).toFixed(1)} s; ${people.length} workflows`);
    // The returned node catches up: every replica current, the stream holds each event once.
    await eventually(async () => {
      const info = await jsm.streams.info(labor);
      assert.equal(info.cluster?.replicas?.length, 2);
      assert.ok(
        info.cluster!.replicas!.every((r) => r.current && !r.offline),
        JSON.stringify(info.cluster),
      );
    }, 120_000);
    const unemployment = natsSubject(stack.eventsPrefix, "onewindow.labor.unemployment.registered");
    const stored = await jsm.streams.info(labor, { subjects_filter: unemployment });
    assert.equal(stored.state.subjects?.[unemployment], people.length, "each registration stored once");

    assert.equal(
      await count(stack, "medical-insurance", `SELECT COUNT(*) AS n FROM enrolment WHERE id_number IN (${list})`),
      people.length,
    );
    await eventually(async () => {
      assert.equal(
        await count(stack, "labor-security", `SELECT COUNT(*) AS n FROM outbox_event WHERE sent_at IS NULL`),
        0,
      );
      const info = await jsm.consumers.info(labor, "medical-insurance");
      assert.equal(info.num_ack_pending + info.num_pending, 0);
    }, 60_000);
    assert.equal(
      await count(
        stack,
        "medical-insurance",
        `SELECT COUNT(*) AS n FROM inbox_event WHERE type = 'onewindow.labor.unemployment.registered'`,
      ),
      people.length,
    );
    assert.equal(await count(stack, "medical-insurance", `SELECT COUNT(*) AS n FROM dead_letter`), 0);
  });
});
