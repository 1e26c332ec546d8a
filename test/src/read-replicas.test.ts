import { afterAll, beforeAll, describe, test } from "@jest/globals";
import { afterThisTest } from "@onewindow/testing";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { Client } from "pg";
import { postgresDatabaseName } from "@onewindow/platform";
import { startStack, type As, type GraphQLResult, type Stack } from "./harness/stack";
import { eventually } from "./harness/eventually";
import { freshCreditCode, freshIdNumber } from "./harness/fixtures";

/*
 * The departments on a PostgreSQL primary with a streaming replica (DATABASE_REPLICA_URLS): a
 * query's reads are served by the replica when it has replayed every commit made before the
 * request arrived, and a lagging replica never gives an older answer than the primary would
 * (docs/adr/0012-read-replicas.md). The replica is `infra/scripts/pg-replica.sh start`'s, on
 * 127.0.0.1:5433 (ONEWINDOW_REPLICA_URL names another); CI sets ONEWINDOW_REPLICA_URL, so that
 * there a missing replica fails the file instead of skipping it.
 */
const REPLICA = process.env.ONEWINDOW_REPLICA_URL || "postgres://postgres@127.0.0.1:5433";
const LABOR = "labor-security";
const CLERK: As = { roles: ["window_clerk"], user: "clerk-12", purpose: "窗口咨询" };

/** Why the replica cannot be used here, or null. Synchronous: Jest decides what to skip before any test runs. */
function replicaMissing(): string | null {
  if (!process.env.DATABASE_URL?.startsWith("postgres")) return "needs DATABASE_URL on PostgreSQL";
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      `const { Client } = require(process.argv[1]);
       const c = new Client({ connectionString: process.argv[2], connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.query("SELECT pg_is_in_recovery() AS standby"))
        .then((r) => console.log(r.rows[0].standby ? "ok" : "the server there is not a standby"), (e) => console.log(e.message))
        .finally(() => c.end().catch(() => {}));`,
      require.resolve("pg"),
      new URL("/postgres", REPLICA).toString(),
    ],
    { encoding: "utf8", timeout: 15_000 },
  );
  const answer = probe.stdout.trim();
  return answer === "ok" ? null : `no streaming replica at ${REPLICA} (${answer || "no answer"})`;
}

const missing = replicaMissing();
const required = Boolean(process.env.ONEWINDOW_REPLICA_URL) && Boolean(process.env.DATABASE_URL);
if (missing && !required)
  console.warn(
    `read-replicas.test: skipped, ${missing}${missing.startsWith("no streaming replica") ? "; start one with infra/scripts/pg-replica.sh start (CONTRIBUTING)" : ""}.`,
  );

if (missing && required)
  test("the streaming replica CI asked for answers", () => {
    assert.fail(`ONEWINDOW_REPLICA_URL is set, but ${missing}`);
  });

function ok<T>(result: GraphQLResult<T>): T {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!;
}

(missing ? describe.skip : describe)(
  `departments with a streaming read replica${missing ? ` (${missing})` : ""}`,
  () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ replicaUrls: [REPLICA] });
    });
    afterAll(async () => {
      await stack?.stop();
    });

    /** A statement on the replica: on the department's database, or on `postgres`. */
    async function onReplica<T>(statement: string, params: unknown[] = [], department?: string): Promise<T[]> {
      const url = new URL(REPLICA);
      url.pathname = `/${department ? postgresDatabaseName(`postgres://x/${stack.eventsPrefix}`, department) : "postgres"}`;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(statement, params)).rows as T[];
      } finally {
        await client.end();
      }
    }

    /** A department's routed reads (by target) and fallbacks (by reason) so far, from its /metrics. */
    async function routing(name: string) {
      const text = await (await fetch(`http://127.0.0.1:${stack.metricsPortOf(name)}/metrics`)).text();
      const count = (metric: string, label: string) =>
        Number(new RegExp(`${metric}\\{service="${name}",${label}\\} (\\d+)`).exec(text)?.[1] ?? 0);
      return {
        replica: count("onewindow_replica_routed_reads_total", 'target="replica"'),
        primary: count("onewindow_replica_routed_reads_total", 'target="primary"'),
        lagging: count("onewindow_replica_fallbacks_total", 'reason="lagging"'),
      };
    }

    /** Runs `request` and returns its answer with how the department's routed reads moved meanwhile. */
    async function measured<T>(name: string, request: () => Promise<T>) {
      const before = await routing(name);
      const answer = await request();
      const after = await routing(name);
      return {
        answer,
        replica: after.replica - before.replica,
        primary: after.primary - before.primary,
        lagging: after.lagging - before.lagging,
      };
    }

    const REGISTER = `mutation ($i: RegisterEmployerInput!) { registerEmployer(input: $i) { creditCode } }`;
    const EMPLOYER = `query ($c: ID!) { employer(creditCode: $c) { name jobPostings(first: 5) { totalCount edges { node { title } } } } }`;

    test("a query's reads are served by the replica with the primary's answer; a mutation reads nothing from it", async () => {
      const creditCode = freshCreditCode();
      const writes = await measured(LABOR, async () => {
        ok(await stack.query(REGISTER, { i: { creditCode, name: "复制测试甲公司" } }));
        ok(
          await stack.query(`mutation ($i: PostJobInput!) { postJob(input: $i) { id employer { name } } }`, {
            i: { creditCode, title: "电工", salaryMin: 5000, salaryMax: 7000 },
          }),
        );
      });
      assert.equal(writes.replica, 0, "a mutation's reads stay on the primary");
      // The replica replays the commits a moment later: until then the same query is answered by
      // the primary (a fallback), never without the posting.
      await eventually(async () => {
        const read = await measured(LABOR, () => stack.query(EMPLOYER, { c: creditCode }));
        assert.deepEqual(ok(read.answer).employer, {
          name: "复制测试甲公司",
          jobPostings: { totalCount: 1, edges: [{ node: { title: "电工" } }] },
        });
        assert.ok(read.replica > 0 && read.primary === 0, `served by the replica: ${JSON.stringify(read)}`);
      });
    });

    test("an audited read of a person is served by the replica while its audit row goes to the primary", async () => {
      const idNumber = freshIdNumber();
      ok(
        await stack.query(`mutation ($i: RegisterCitizenInput!) { registerCitizen(input: $i) { idNumber } }`, {
          i: { idNumber, name: "复制测试" },
        }),
      );
      await eventually(async () => {
        const read = await measured(LABOR, () =>
          stack.query(`query ($id: ID!) { citizen(idNumber: $id) { name } }`, { id: idNumber }, CLERK),
        );
        assert.equal(ok(read.answer).citizen.name, "复制测试");
        assert.ok(read.replica > 0 && read.primary === 0, `served by the replica: ${JSON.stringify(read)}`);
      });
      const audited = await stack.sql<{ n: string }>(
        LABOR,
        `SELECT COUNT(*) AS n FROM audit_entry WHERE id_number = '${idNumber}' AND user_id = 'clerk-12'`,
      );
      assert.ok(Number(audited[0].n) >= 1, "the read's audit row is on the primary");
    });

    test("with the replica's replay paused, a mutation reads its own write and later queries are answered by the primary, correctly", async () => {
      await onReplica("SELECT pg_wal_replay_pause()");
      afterThisTest(() => onReplica("SELECT pg_wal_replay_resume()").then(() => undefined));
      await eventually(async () =>
        assert.deepEqual(await onReplica("SELECT pg_get_wal_replay_pause_state() AS state"), [{ state: "paused" }]),
      );
      const creditCode = freshCreditCode();
      ok(await stack.query(REGISTER, { i: { creditCode, name: "复制测试乙公司" } }));
      // The posting's employer and its postings are read after the write, in the mutation's request.
      const posted = ok(
        await stack.query(
          `mutation ($i: PostJobInput!) { postJob(input: $i) { title employer { name jobPostings(first: 5) { totalCount } } } }`,
          { i: { creditCode, title: "焊工", salaryMin: 6000, salaryMax: 8000 } },
        ),
      );
      assert.deepEqual(posted.postJob, {
        title: "焊工",
        employer: { name: "复制测试乙公司", jobPostings: { totalCount: 1 } },
      });
      // The replica has not replayed the writes, so a read there would miss them …
      assert.deepEqual(
        await onReplica("SELECT COUNT(*)::int AS n FROM employer WHERE credit_code = $1", [creditCode], LABOR),
        [{ n: 0 }],
      );
      // … and a later request is answered by the primary instead, with them.
      const later = await measured(LABOR, () => stack.query(EMPLOYER, { c: creditCode }));
      assert.deepEqual(ok(later.answer).employer, {
        name: "复制测试乙公司",
        jobPostings: { totalCount: 1, edges: [{ node: { title: "焊工" } }] },
      });
      assert.equal(later.replica, 0, "nothing read from the paused replica");
      assert.ok(later.lagging >= 1, `counted as a fallback: ${JSON.stringify(later)}`);
      // Once replay resumes the replica catches up and serves the same answer.
      await onReplica("SELECT pg_wal_replay_resume()");
      await eventually(async () => {
        const read = await measured(LABOR, () => stack.query(EMPLOYER, { c: creditCode }));
        assert.deepEqual(ok(read.answer).employer.jobPostings.totalCount, 1);
        assert.ok(read.replica > 0 && read.primary === 0, `served by the replica again: ${JSON.stringify(read)}`);
      });
    });
  },
);
