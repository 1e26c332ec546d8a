import { afterAll, beforeAll, describe, test } from "@jest/globals";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDevKeys } from "@onewindow/platform";
import {
  BENCH_CALLER,
  startPeerGateway,
  stopChild,
  subgraphs,
  type BenchProcess,
  type GraphQLResult,
  type PeerTarget,
} from "@onewindow/infra";
import { startStack, type As, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshIdNumber } from "./harness/fixtures";

/** The bench's caller, as our gateway is asked for it: the Hive peers sign the same caller themselves. */
const BENCH: As = { roles: ["window_clerk", "analyst"], user: BENCH_CALLER.userId!, purpose: BENCH_CALLER.purpose };
const REGISTER = `mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`;
const ENROLL = `mutation ($i: EnrollMedicalInsuranceInput!) { enrollMedicalInsurance(input: $i) { scheme } }`;
/** A person across two departments: each must accept the peer's context for the answer to be whole. */
const CITIZEN = `query ($id: ID!) { citizen(idNumber: $id) { idNumber name medicalInsurance { scheme since } } }`;

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResult> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as GraphQLResult), status: res.status };
}

describe("the bench's Hive Gateway peers sign as the departments demand", () => {
  let stack: Stack;
  let subgraphUrls: Record<string, string>;
  const peers = new Map<PeerTarget, BenchProcess>();
  const person = freshIdNumber();
  const foreignKeys = fs.mkdtempSync(path.join(os.tmpdir(), "onewindow-foreign-keys-"));

  beforeAll(async () => {
    stack = await startStack();
    subgraphUrls = Object.fromEntries(
      subgraphs.map(({ definition: { name } }) => [name, `http://127.0.0.1:${stack.portOf(name)}/graphql`]),
    );
    for (const target of ["d", "e"] as const)
      peers.set(target, await startPeerGateway(target, { dataDir: stack.dataDir, subgraphUrls }));
    for (const [mutation, input] of [
      [REGISTER, { idNumber: person, name: "韩梅梅" }],
      [ENROLL, { idNumber: person, scheme: "RESIDENT", since: "2024-01-01" }],
    ] as const) {
      const res = await stack.query(mutation, { i: input });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    }
  });
  afterAll(async () => {
    await Promise.all([...peers.values()].map(stopChild));
    await stack?.stop();
    fs.rmSync(foreignKeys, { recursive: true, force: true });
  });

  const readsBy = async (department: string) =>
    (
      await stack.sql<{ n: number }>(
        department,
        `SELECT COUNT(*) AS n FROM audit_entry WHERE user_id = '${BENCH_CALLER.userId}' AND id_number = '${person}' AND purpose = '${BENCH_CALLER.purpose}' AND (outcome IS NULL OR outcome <> 'refused')`,
      )
    )[0].n;

  test.each(["d", "e"] as const)(
    "(%s) is answered by both departments as our gateway is, and each audits the read as the bench's caller",
    async (target) => {
      const ours = await stack.query(CITIZEN, { id: person }, BENCH);
      assert.equal(ours.errors, undefined, JSON.stringify(ours.errors));
      assert.deepEqual(ours.data.citizen, {
        idNumber: person,
        name: "韩梅梅",
        medicalInsurance: { scheme: "RESIDENT", since: "2024-01-01" },
      });
      const before = [Number(await readsBy("labor-security")), Number(await readsBy("medical-insurance"))];
      const theirs = await post(peers.get(target)!.url, CITIZEN, { id: person });
      assert.equal(theirs.errors, undefined, JSON.stringify(theirs.errors));
      assert.deepEqual(theirs.data, ours.data);
      // The departments verified the peer's context: they read the caller, purpose and all, from it.
      await eventually(async () => {
        assert.ok(Number(await readsBy("labor-security")) > before[0], "labor security audited the peer's read");
        assert.ok(Number(await readsBy("medical-insurance")) > before[1], "medical insurance audited the peer's read");
      });
    },
  );

  test("a department refuses the same request unsigned, or signed with a key it does not hold", async () => {
    const unsigned = await post(subgraphUrls["labor-security"], CITIZEN, { id: person });
    assert.equal(unsigned.errors?.[0].extensions?.code, "UNAUTHENTICATED", JSON.stringify(unsigned));
    assert.equal(unsigned.data?.citizen ?? null, null);
    // A peer like (d) in every way but its key: the department refuses what it signs.
    ensureDevKeys(foreignKeys);
    const forger = await startPeerGateway("d", { dataDir: foreignKeys, subgraphUrls });
    try {
      const forged = await post(forger.url, CITIZEN, { id: person });
      assert.equal(forged.data?.citizen ?? null, null, JSON.stringify(forged));
      assert.ok(
        forged.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED"),
        `refused as unauthenticated: ${JSON.stringify(forged.errors)}`,
      );
    } finally {
      await stopChild(forger);
    }
  });
});
