import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { Client } from "pg";
import { machineCpuMs, postgresBackendPids, postgresCpuMeter, treeCpuMs, type RunResult } from "./load";
import type { Target } from "./queries";
import { costTable, summarize, targetCostTable, type Summary } from "./report";

const run = (requests: number, targetCpuMs: number, machineCpuMs: number): RunResult => ({
  requests,
  seconds: 10,
  requestsPerSecond: requests / 10,
  latencies: Array.from({ length: requests }, (_, i) => i + 1),
  p50: 0,
  p95: 0,
  p99: 0,
  errors: 0,
  peakRssMb: 100,
  targetCpuMs,
  machineCpuMs,
});

test("CPU per request is merged over runs as total CPU over total requests", () => {
  const s = summarize([run(100, 200, 1000), run(300, 400, 2000)]);
  assert.equal(s.targetCpuMsPerRequest, 1.5);
  assert.equal(s.machineCpuMsPerRequest, 7.5);
});

test("the cost table gives each gateway's CPU per request and their ratio", () => {
  const table = costTable(
    new Map([
      [
        "Q1",
        new Map([
          ["a", summarize([run(100, 100, 600)])],
          ["b", summarize([run(50, 150, 400)])],
        ]),
      ],
    ]),
  );
  assert.match(table, /\| Q1 \| 1\.00 \| 3\.00 \| \*\*3\.00×\*\* \| 6\.00 \| 8\.00 \| 5\.00 \|/);
});

test("a query without the stock gateway has no row in the gateways' cost table but one per target in its own", () => {
  const results = new Map([
    [
      "Q5",
      new Map<Target, Summary>([
        ["a", summarize([{ ...run(100, 100, 900), departmentCpuMs: 400, postgresCpuMs: 200 }])],
        ["c", summarize([{ ...run(200, 300, 1000), departmentCpuMs: 300, postgresCpuMs: 100 }])],
      ]),
    ],
  ]);
  assert.equal(costTable(results), "");
  const table = targetCostTable(results);
  // (a): the gateway 1, the department 4, PostgreSQL 2 per request; (c) is the department itself.
  assert.match(table, /\| Q5 \| \(a\) OneWindow gateway \| 1\.00 \| 4\.00 \| 2\.00 \| {2}\| 7\.00 \| {2}\| 9\.00 \|/);
  assert.match(table, /\| Q5 \| \(c\) owning subgraph \| 1\.50 \| 1\.50 \| 0\.50 \| {2}\| 2\.00 \| {2}\| 5\.00 \|/);
  // Without the department's figures, only what was measured.
  const bare = targetCostTable(new Map([["Q4", new Map<Target, Summary>([["a", summarize([run(100, 100, 900)])]])]]));
  assert.ok(bare.includes("| Q4 | (a) OneWindow gateway | 1.00 |  |  |  |  |  | 9.00 |"), bare);
  // With the load generator's and a local Redis's CPU: Redis counts in the request's total.
  const cached = targetCostTable(
    new Map([
      [
        "Q3",
        new Map<Target, Summary>([
          [
            "a",
            summarize([
              {
                ...run(100, 100, 900),
                departmentCpuMs: 100,
                postgresCpuMs: 30,
                redisCpuMs: 20,
                loadGeneratorCpuMs: 40,
              },
            ]),
          ],
        ]),
      ],
    ]),
  );
  assert.ok(cached.includes("| Q3 | (a) OneWindow gateway | 1.00 | 1.00 | 0.30 | 0.20 | 2.50 | 0.40 | 9.00 |"), cached);
  assert.equal(targetCostTable(new Map()), "");
});

(process.platform === "linux" ? test : test.skip)(
  "CPU time is read from /proc: busy work shows in this process and the machine",
  () => {
    const before = { own: treeCpuMs(process.pid), machine: machineCpuMs() };
    // Busy until this process has used 150 ms of CPU, however long a loaded machine takes to give it.
    const start = process.cpuUsage();
    while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < 150);
    assert.ok(treeCpuMs(process.pid) - before.own >= 50, "this process's CPU time grew");
    assert.ok(machineCpuMs() - before.machine >= 50, "the machine's busy time grew");
    assert.equal(treeCpuMs(2 ** 22 + 1), 0, "no such process: nothing");
  },
);

// Only with DATABASE_URL, and a server local to the test: backends are read from /proc by their database's name.
(process.platform === "linux" && process.env.DATABASE_URL ? test : test.skip)(
  "PostgreSQL backends are found by their database, and their CPU time measured",
  async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/postgres";
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      assert.ok(postgresBackendPids("postgres").includes(rows[0].pid));
      assert.deepEqual(postgresBackendPids("no_such_database"), []);
      const meter = postgresCpuMeter("postgres");
      await client.query("SELECT count(*) FROM generate_series(1, 5000000)");
      meter.sample();
      assert.ok(meter.spentMs() >= 50, `${meter.spentMs()} ms`);
    } finally {
      await client.end();
    }
  },
);
