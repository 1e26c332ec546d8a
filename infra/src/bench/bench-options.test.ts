import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { benchPrefix } from "./bench-data";
import { DEFAULT_BENCH_SIZE, MATCHING_BENCH_SIZE, parseBenchArgs, QUICK_BENCH_SIZE } from "./bench-options";

test("bench arguments default to the full benchmark data set and refuse nonsense", () => {
  const defaults = parseBenchArgs([], {});
  assert.deepEqual(defaults.size, DEFAULT_BENCH_SIZE);
  assert.equal(defaults.size.citizens, 100_000);
  assert.equal(defaults.size.extraVisits, 1_000_000);
  assert.deepEqual(parseBenchArgs(["--quick"], {}).size, QUICK_BENCH_SIZE);
  const custom = parseBenchArgs(
    ["--citizens", "2000", "--duration", "3", "--connections", "8", "--queries", "q1,Q3"],
    {},
  );
  assert.deepEqual(
    [custom.size.citizens, custom.duration, custom.connections, custom.queries],
    [2000, 3, 8, ["Q1", "Q3"]],
  );
  assert.throws(() => parseBenchArgs(["--citizens", "-1"], {}), /bad argument --citizens/);
  assert.throws(() => parseBenchArgs(["--queries", "Q9"], {}), /Q1..Q5/);
  assert.throws(() => parseBenchArgs(["--rounds", "0"], {}), /at least 1/);
  assert.equal(defaults.profileDir, null);
  assert.equal(parseBenchArgs(["--profile", "/tmp/p", "--quick"], {}).profileDir, "/tmp/p");
  assert.throws(() => parseBenchArgs(["--profile"], {}), /--profile takes a directory/);
  assert.throws(() => parseBenchArgs(["--profile", "--quick"], {}), /--profile takes a directory/);
});

test("--matching runs Q5 alone over a million citizens and 100,000 postings, one request at a time", () => {
  const matching = parseBenchArgs(["--matching"], {});
  assert.deepEqual(matching.size, MATCHING_BENCH_SIZE);
  assert.deepEqual([matching.size.citizens, matching.size.jobPostings], [1_000_000, 100_000]);
  assert.deepEqual([matching.queries, matching.connections, matching.rounds], [["Q5"], 1, 2]);
  assert.notEqual(benchPrefix(MATCHING_BENCH_SIZE), benchPrefix(DEFAULT_BENCH_SIZE));
  // Sizes and options given beside it win; --quick matches over the quick set.
  const small = parseBenchArgs(["--matching", "--job-postings", "20000", "--connections", "4"], {});
  assert.deepEqual([small.size.jobPostings, small.size.citizens, small.connections], [20_000, 1_000_000, 4]);
  const quick = parseBenchArgs(["--quick", "--matching"], {});
  assert.deepEqual([quick.size, quick.queries, quick.duration], [QUICK_BENCH_SIZE, ["Q5"], 4]);
  assert.deepEqual(parseBenchArgs(["--queries", "Q4,q5"], {}).queries, ["Q4", "Q5"]);
});

test("each data-set size has its own, stable database prefix", () => {
  assert.equal(benchPrefix(DEFAULT_BENCH_SIZE), benchPrefix({ ...DEFAULT_BENCH_SIZE }));
  assert.notEqual(benchPrefix(DEFAULT_BENCH_SIZE), benchPrefix(QUICK_BENCH_SIZE));
  // Room for `_medical_insurance` within PostgreSQL's 63-character names.
  assert.ok(benchPrefix(DEFAULT_BENCH_SIZE).length + "_medical_insurance".length <= 63);
});

test("--targets picks some of the five targets, driven in one order, and refuses unknown or repeated ones", () => {
  assert.deepEqual(parseBenchArgs([], {}).targets, ["a", "b", "c", "d", "e"]);
  const quick = parseBenchArgs(["--quick"], {});
  assert.deepEqual([quick.targets, quick.duration, quick.rounds], [["a", "b", "c", "d", "e"], 4, 1]);
  assert.deepEqual(parseBenchArgs(["--targets", "a,b,d,e"], {}).targets, ["a", "b", "d", "e"]);
  assert.deepEqual(parseBenchArgs(["--targets", "E, a", "--quick"], {}).targets, ["a", "e"]);
  assert.throws(() => parseBenchArgs(["--targets", "a,f"], {}), /--targets takes a, b, c, d, e/);
  assert.throws(() => parseBenchArgs(["--targets", "a,a"], {}), /each once/);
  assert.throws(() => parseBenchArgs(["--targets"], {}), /--targets takes/);
  assert.throws(() => parseBenchArgs(["--targets", "--quick"], {}), /--targets takes/);
});

test("a quick warm-up lasts until every connection had two answers, at most 8 s; --warmup asks for seconds", () => {
  const quick = parseBenchArgs(["--quick"], {});
  assert.deepEqual([quick.warmupRequests, quick.warmup, quick.quietWait], [2, 8, 5]);
  const full = parseBenchArgs([], {});
  assert.deepEqual([full.warmupRequests, full.warmup, full.quietWait], [null, 10, 20]);
  const seconds = parseBenchArgs(["--quick", "--warmup", "3"], {});
  assert.deepEqual([seconds.warmupRequests, seconds.warmup], [null, 3]);
});

test("--q3-misses sends that percent of Q3's requests to periods its cache has not seen", () => {
  assert.equal(parseBenchArgs([], {}).q3Misses, 0);
  assert.equal(parseBenchArgs(["--q3-misses", "5"], {}).q3Misses, 5);
  assert.throws(() => parseBenchArgs(["--q3-misses", "101"], {}), /percentage/);
});
