import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { CursorKey, makeCreditCode, pageRequest, today } from "@onewindow/platform";
import { TaxEvents } from "@onewindow/contracts";
import { openDepartmentDatabase, rejectsWith, rowCounts } from "@onewindow/testing";
import { tax } from "../index";
import { TABLES } from "../tax.fixture";

/** Cursors of this process only, as a department seals them for one list. */
const cursors = CursorKey.ephemeral().list("test");

const prompt = makeCreditCode("330182", 1001);
const late = makeCreditCode("330182", 1002);
const month = (employees: number, withheld: number, paid: number) => ({
  employees,
  wagesTotal: employees * 6_000,
  taxWithheld: withheld,
  taxPaid: paid,
});

test("an employer that paid every month in full is in good standing; one short month is arrears", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax);
  await s.withholdingReturns.file({ creditCode: prompt, period: "2024-01", ...month(10, 1_200, 1_200) });
  await s.withholdingReturns.file({ creditCode: prompt, period: "2024-02", ...month(10, 1_200, 1_300) });
  await s.withholdingReturns.file({ creditCode: late, period: "2024-01", ...month(5, 5_000, 3_000.5) });
  // Overpaying another month does not offset a month in arrears.
  await s.withholdingReturns.file({ creditCode: late, period: "2024-02", ...month(5, 500, 1_500) });
  const unknown = makeCreditCode("330182", 9999);
  assert.deepEqual(await s.withholdingReturns.arrears([late, prompt, unknown]), [1_999_50, 0, 0]);
  const [event] = await db.query("SELECT type, subject FROM outbox_event ORDER BY sequence LIMIT 1");
  assert.deepEqual({ ...event }, { type: TaxEvents.withholdingFiled, subject: prompt });
});

test("a corrected return replaces the month's first one, which stays in history", async () => {
  const { services: s } = await openDepartmentDatabase(tax);
  const first = await s.withholdingReturns.file({ creditCode: late, period: "2024-03", ...month(5, 2_000, 0) });
  assert.deepEqual(await s.withholdingReturns.arrears([late]), [2_000_00]);
  const corrected = await s.withholdingReturns.file({
    creditCode: late,
    period: "2024-03",
    ...month(5, 2_000, 2_000),
  });
  assert.equal(corrected.amendment, true);
  assert.equal(corrected.supersedesId, first.id);
  assert.deepEqual(await s.withholdingReturns.arrears([late]), [0]);

  const [inForce] = await s.withholdingReturns.pages([late], pageRequest(null, null, cursors), false);
  assert.equal(inForce.totalCount, 1);
  assert.equal(inForce.edges[0].node.id, corrected.id);
  const [all] = await s.withholdingReturns.pages([late], pageRequest(null, null, cursors), true);
  assert.deepEqual(
    all.edges.map((e) => [e.node.id, e.node.current]),
    [
      [corrected.id, true],
      [first.id, false],
    ],
  );
});

test("pages run newest month first, per employer, with cursors", async () => {
  const { services: s } = await openDepartmentDatabase(tax);
  for (const period of ["2024-01", "2024-03", "2024-02"])
    await s.withholdingReturns.file({ creditCode: prompt, period, ...month(3, 100, 100) });
  await s.withholdingReturns.file({ creditCode: late, period: "2024-05", ...month(3, 100, 100) });
  const [p1, other] = await s.withholdingReturns.pages([prompt, late], pageRequest(2, null, cursors), false);
  assert.deepEqual(
    p1.edges.map((e) => e.node.period),
    ["2024-03", "2024-02"],
  );
  assert.equal(p1.totalCount, 3);
  assert.equal(p1.pageInfo.hasNextPage, true);
  assert.deepEqual(
    other.edges.map((e) => e.node.period),
    ["2024-05"],
  );
  const [p2] = await s.withholdingReturns.pages([prompt], pageRequest(2, p1.pageInfo.endCursor, cursors), false);
  assert.deepEqual(
    p2.edges.map((e) => e.node.period),
    ["2024-01"],
  );
  assert.equal(p2.pageInfo.hasNextPage, false);
  assert.equal(p2.pageInfo.hasPreviousPage, true);
});

test("bad input is BAD_USER_INPUT naming the field, and writes nothing", async () => {
  const { db, services: s } = await openDepartmentDatabase(tax);
  const ok = { creditCode: prompt, period: "2024-01", ...month(10, 1_000, 1_000) };
  const [y, m] = today().split("-").map(Number);
  const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  const bad: [Record<string, unknown>, string][] = [
    [{ creditCode: "91330182000010010X" }, "creditCode"],
    [{ creditCode: "not a code" }, "creditCode"],
    [{ period: "2024-13" }, "period"],
    [{ period: "2024-00" }, "period"],
    [{ period: "2024-3" }, "period"],
    [{ period: "2024-03-01" }, "period"],
    [{ period: "2018-12" }, "period"],
    [{ period: nextMonth }, "period"],
    [{ employees: -1 }, "employees"],
    [{ employees: 2.5 }, "employees"],
    [{ wagesTotal: -1 }, "wagesTotal"],
    [{ taxWithheld: 10.555 }, "taxWithheld"],
    [{ taxPaid: -0.5 }, "taxPaid"],
  ];
  for (const [change, field] of bad) {
    await rejectsWith(s.withholdingReturns.file({ ...ok, ...change } as never), "BAD_USER_INPUT", {
      field,
      about: JSON.stringify(change),
    });
  }
  assert.deepEqual(await rowCounts(db, TABLES), {
    tax_return: 0,
    withholding_return: 0,
    pension_income: 0,
    outbox_event: 0,
  });
});

test("the current month may be filed", async () => {
  const { services: s } = await openDepartmentDatabase(tax);
  const r = await s.withholdingReturns.file({ creditCode: prompt, period: today().slice(0, 7), ...month(1, 0, 0) });
  assert.equal(r.current, true);
});
