import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { Client } from "pg";
import {
  idleCpuMs,
  machineCpuMs,
  postgresBackendPids,
  postgresCpuMeter,
  treeCpuMs,
  waitUntilQuiet,
  type RunResult,
} from "./load";
import type { Target } from "./queries";
import { costTable, processCostTable, reportTable, summarize, type Summary } from "./report";

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

/** A merged run with these figures: `requests` over 10 s, latencies 1..requests ms. */
const summary = (requests: number, targetCpuMs: number, machineCpuMs: number, peakRssMb = 100) =>
  summarize([{ ...run(requests, targetCpuMs, machineCpuMs), peakRssMb }]);

/** The cells of the row of `target` in a Markdown table. */
const row = (table: string, query: string, target: string) => {
  const line = table.split("\n").find((l) => l.startsWith(`| ${query} | ${target}`));
  assert.ok(line, `no row ${query} ${target} in\n${table}`);
  return line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
};

test("the cost table gives every target's own CPU and the machine's per request, and each other gateway's against ours", () => {
  const table = costTable(
    new Map([
      [
        "Q3",
        new Map<Target, Summary>([
          // Listed out of order: the table keeps a, b, c, d, e.
          ["e", summary(200, 100, 800)],
          ["a", summary(100, 100, 600)],
          ["b", summary(50, 150, 400)],
          ["c", summary(100, 50, 300)],
          ["d", summary(100, 250, 1200)],
        ]),
      ],
    ]),
  );
  assert.deepEqual(
    table
      .split("\n")
      .slice(2)
      .map((l) => l.split("|")[2].trim()),
    [
      "(a) OneWindow gateway",
      "(b) stock @apollo/gateway",
      "(c) owning subgraph",
      "(d) Hive Gateway",
      "(e) Hive Gateway, Rust planner",
    ],
  );
  // Own CPU, its ratio to (a)'s, the machine's, its ratio to (a)'s, the rest of the machine.
  assert.deepEqual(row(table, "Q3", "(a)").slice(2), ["1.00", "", "6.00", "", "5.00"]);
  assert.deepEqual(row(table, "Q3", "(b)").slice(2), ["3.00", "**3.00×**", "8.00", "**1.33×**", "5.00"]);
  assert.deepEqual(row(table, "Q3", "(c)").slice(2), ["0.50", "", "3.00", "", "2.50"]);
  assert.deepEqual(row(table, "Q3", "(d)").slice(2), ["2.50", "**2.50×**", "12.00", "**2.00×**", "9.50"]);
  assert.deepEqual(row(table, "Q3", "(e)").slice(2), ["0.50", "**0.50×**", "4.00", "**0.67×**", "3.50"]);
  // Without (a), no ratio; without any result, no table.
  const alone = costTable(new Map([["Q1", new Map<Target, Summary>([["d", summary(100, 250, 1200)]])]]));
  assert.deepEqual(row(alone, "Q1", "(d)").slice(2), ["2.50", "", "12.00", "", "9.50"]);
  assert.equal(costTable(new Map()), "");
});

test("the report table has a requests/s ratio column for each other target the run drove, filled on (a)'s row", () => {
  const results = new Map([
    [
      "Q1",
      new Map<Target, Summary>([
        ["a", summary(300, 100, 600, 150)],
        ["b", summary(200, 100, 600)],
        ["d", summary(100, 100, 600)],
        ["e", summary(400, 100, 600)],
      ]),
    ],
    [
      "Q4",
      new Map<Target, Summary>([
        ["a", summary(300, 100, 600)],
        ["c", summary(600, 100, 600)],
      ]),
    ],
  ]);
  const table = reportTable(results);
  assert.equal(
    table.split("\n")[0],
    "| query | target | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB | (a)/(b) | (a)/(c) | (a)/(d) | (a)/(e) |",
  );
  // req/s, p50, p95, p99 (latencies 1..300 ms), errors, RSS, then (a) over b, c, d, e.
  assert.deepEqual(row(table, "Q1", "(a)").slice(2), [
    "30",
    "150",
    "285",
    "297",
    "0",
    "150",
    "**1.50×**",
    "",
    "**3.00×**",
    "**0.75×**",
  ]);
  assert.deepEqual(row(table, "Q1", "(d)").slice(8), ["", "", "", ""]);
  assert.deepEqual(row(table, "Q4", "(a)").slice(8), ["", "**0.50×**", "", ""]);
  // A run of (a) and (d) alone has only their column.
  const pair = reportTable(new Map([["Q1", new Map([...results.get("Q1")!].filter(([t]) => t === "a" || t === "d"))]]));
  assert.match(pair.split("\n")[0], /\| peak RSS MB \| \(a\)\/\(d\) \|$/);
  assert.deepEqual(row(pair, "Q1", "(a)").slice(8), ["**3.00×**"]);
  // Without (a), no ratio columns at all.
  const peersOnly = reportTable(new Map([["Q1", new Map([...results.get("Q1")!].filter(([t]) => t !== "a"))]]));
  assert.match(peersOnly.split("\n")[0], /\| peak RSS MB \|$/);
  assert.deepEqual(row(peersOnly, "Q1", "(d)").slice(2), ["10", "50.0", "95.0", "99.0", "0", "100"]);
});

/** Departments' CPU of a run, ms: name → its process's and its database's backends'. */
const spent = (...entries: [string, number, number][]) =>
  new Map(entries.map(([name, process, postgres]) => [name, { process, postgres }]));

test("the table by process gives, per target, the departments', PostgreSQL's, Redis's and the load generator's CPU and their sum", () => {
  const results = new Map([
    [
      "Q1",
      new Map<Target, Summary>([
        [
          "a",
          // Two runs of 100 requests: per request the gateway 1; labor 2 + 1, tax 1 + 0.
          summarize([
            { ...run(100, 100, 1500), departmentsCpuMs: spent(["labor-security", 300, 200], ["tax", 100, 0]) },
            { ...run(100, 100, 1500), departmentsCpuMs: spent(["labor-security", 100, 0], ["tax", 100, 0]) },
          ]),
        ],
      ]),
    ],
    [
      "Q3",
      new Map<Target, Summary>([
        // Listed out of order: the table keeps a, b, c, d, e.
        [
          "c",
          // The owning department is the target: its process is the target's figure, its database is measured.
          summarize([
            {
              ...run(100, 150, 500),
              departmentsCpuMs: spent(["hospital-quality", 0, 30], ["tax", 0.2, 0]),
              loadGeneratorCpuMs: 40,
            },
          ]),
        ],
        [
          "a",
          summarize([
            {
              ...run(100, 100, 900),
              departmentsCpuMs: spent(["hospital-quality", 100, 30], ["tax", 0, 0]),
              redisCpuMs: 20,
              loadGeneratorCpuMs: 40,
            },
          ]),
        ],
      ]),
    ],
  ]);
  const table = processCostTable(results);
  assert.equal(
    table.split("\n")[0],
    "| query | target | target | other departments | departments' PostgreSQL | Redis | request total | load generator | machine | by department (process + PostgreSQL) |",
  );
  // Target, other departments, PostgreSQL, Redis, total, load generator, machine, shares.
  assert.deepEqual(row(table, "Q1", "(a)").slice(2), [
    "1.00",
    "3.00",
    "1.00",
    "",
    "5.00",
    "",
    "15.00",
    "labor-security 2.00 + 1.00, tax 1.00 + 0.00",
  ]);
  // Redis counts in the request's total; a department that did nothing is left out of the shares.
  assert.deepEqual(row(table, "Q3", "(a)").slice(2), [
    "1.00",
    "1.00",
    "0.30",
    "0.20",
    "2.50",
    "0.40",
    "9.00",
    "hospital-quality 1.00 + 0.30",
  ]);
  assert.deepEqual(row(table, "Q3", "(c)").slice(2), [
    "1.50",
    "0.00",
    "0.30",
    "",
    "1.80",
    "0.40",
    "5.00",
    "hospital-quality 0.00 + 0.30",
  ]);
  assert.deepEqual(
    table
      .split("\n")
      .slice(2)
      .map((l) => l.split("|").slice(1, 3).join("|").trim()),
    ["Q1 | (a) OneWindow gateway", "Q3 | (a) OneWindow gateway", "Q3 | (c) owning subgraph"],
  );
  // Without the departments' figures, only what was measured; a target that answered nothing has no cost.
  const bare = processCostTable(
    new Map([
      [
        "Q4",
        new Map<Target, Summary>([
          ["a", summarize([run(100, 100, 900)])],
          ["b", summarize([{ ...run(0, 500, 9000), latencies: [] }])],
        ]),
      ],
    ]),
  );
  assert.deepEqual(row(bare, "Q4", "(a)").slice(2), ["1.00", "", "", "", "", "", "9.00", ""]);
  assert.deepEqual(row(bare, "Q4", "(b)").slice(2, 4), ["no answers", ""]);
  assert.equal(processCostTable(new Map()), "");
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

test("a target that answered nothing has no latency or cost per request, and no ratio is made with it", () => {
  const table = costTable(
    new Map([
      [
        "Q2",
        new Map<Target, Summary>([
          ["a", summarize([{ ...run(0, 500, 9000), latencies: [] }])],
          ["d", summary(100, 250, 1200)],
        ]),
      ],
    ]),
  );
  assert.deepEqual(row(table, "Q2", "(a)").slice(2), ["no answers", "", "", "", ""]);
  assert.deepEqual(row(table, "Q2", "(d)").slice(2), ["2.50", "", "12.00", "", "9.50"]);
  const report = reportTable(
    new Map([
      [
        "Q2",
        new Map<Target, Summary>([
          ["a", summarize([{ ...run(0, 500, 9000), latencies: [] }])],
          ["d", summary(100, 250, 1200)],
        ]),
      ],
    ]),
  );
  // req/s, latencies, errors, RSS, (a)/(d): no 0.0 ms latencies and no 0.00× ratio.
  assert.deepEqual(row(report, "Q2", "(a)").slice(2), ["0", "no answers", "", "", "0", "100", ""]);
});

test("waiting for the stack to go quiet ends after two quiet windows in a row, or gives up when it stays busy", async () => {
  /** CPU time read from `values` in turn (two readings a window), the last one over and over. */
  const readingsOf = (values: number[]) => {
    let count = 0;
    return { cpuMs: () => values[Math.min(count++, values.length - 1)], count: () => count };
  };
  const fast = { windowMs: 1, busyMs: 30, maxMs: 60_000 };
  // Windows: busy, quiet, busy, quiet, quiet: one quiet window between busy ones is not enough.
  const settling = readingsOf([0, 100, 100, 110, 110, 300, 300, 320, 320, 340]);
  assert.equal(await waitUntilQuiet(settling.cpuMs, fast), true);
  assert.equal(settling.count(), 10);
  // Busy to the end: 100 ms more at every reading.
  let busy = 0;
  assert.equal(await waitUntilQuiet(() => (busy += 100), { ...fast, maxMs: 50 }), false);
});

test("the idle stack's CPU per window is the median of a few windows", async () => {
  // Readings 0, 10 | 10, 15 | 15, 100 | 100, 104 | 104, 110: windows of 10, 5, 85, 4, 6 ms.
  const readings = [0, 10, 10, 15, 15, 100, 100, 104, 104, 110];
  let i = 0;
  assert.equal(await idleCpuMs(() => readings[i++], { windowMs: 1, windows: 5 }), 6);
});
