import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { benchPrefix } from "./bench-data";
import { DEFAULT_BENCH_SIZE } from "./bench-options";
import { parseScaleArgs, SCALE_OPERATIONS, SCALE_SIZES, SCALE_USAGE } from "./scale-options";

test("--scale measures both sets, every operation, one connection, and refuses nonsense", () => {
  const defaults = parseScaleArgs(["--scale"], {});
  assert.deepEqual(defaults.sizes, ["small", "large"]);
  assert.deepEqual(defaults.operations, [...SCALE_OPERATIONS]);
  assert.deepEqual([defaults.duration, defaults.warmup, defaults.rounds, defaults.connections], [10, 3, 2, 1]);
  assert.equal(defaults.fresh, false);
  assert.equal(defaults.baseDatabaseUrl, "postgres://postgres@127.0.0.1:5432/onewindow");
  assert.deepEqual(
    [SCALE_SIZES.small.citizens, SCALE_SIZES.small.extraVisits, SCALE_SIZES.small.extraCases],
    [10_000, 1_000_000, 1_000_000],
  );
  assert.deepEqual(
    [SCALE_SIZES.large.citizens, SCALE_SIZES.large.extraVisits, SCALE_SIZES.large.extraCases],
    [1_000_000, 10_000_000, 10_000_000],
  );

  const some = parseScaleArgs(
    ["--scale", "--sizes", "LARGE, small", "--operations", "kpis,lookup", "--duration", "5", "--fresh"],
    { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/scale" },
  );
  // Sizes and operations in one order, whatever order they were named in.
  assert.deepEqual(
    [some.sizes, some.operations, some.duration, some.fresh],
    [["small", "large"], ["lookup", "kpis"], 5, true],
  );
  assert.equal(some.baseDatabaseUrl, "postgres://postgres@127.0.0.1:5432/scale");

  assert.throws(() => parseScaleArgs(["--scale", "--sizes", "huge"], {}), /--sizes takes small, large/);
  assert.throws(() => parseScaleArgs(["--scale", "--sizes", "small,small"], {}), /each once/);
  assert.throws(() => parseScaleArgs(["--scale", "--operations", "Q1"], {}), /--operations takes lookup/);
  assert.throws(() => parseScaleArgs(["--scale", "--rounds", "0"], {}), /at least 1/);
  assert.throws(() => parseScaleArgs(["--scale", "--citizens", "5"], {}), /bad argument --citizens/);
  assert.match(SCALE_USAGE, /npm run bench -- --scale/);
});

test("each scale set has its own databases, apart from the other benches' sets", () => {
  const small = benchPrefix(SCALE_SIZES.small, "scale");
  assert.match(small, /^scale_[0-9a-f]{10}$/);
  assert.notEqual(small, benchPrefix(SCALE_SIZES.large, "scale"));
  // The same size without cases is another set; sets seeded before cases existed keep their names.
  assert.notEqual(small, benchPrefix({ ...SCALE_SIZES.small, extraCases: 0 }, "scale"));
  assert.equal(benchPrefix({ ...DEFAULT_BENCH_SIZE, extraCases: 0 }), benchPrefix(DEFAULT_BENCH_SIZE));
  assert.ok(benchPrefix(SCALE_SIZES.large, "scale").length + "_medical_insurance".length <= 63);
});
