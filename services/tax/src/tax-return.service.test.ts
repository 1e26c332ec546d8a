import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { makeIdNumber, today } from "@onewindow/platform";
import { TaxEvents } from "@onewindow/contracts";
import { openTestDb, rejection, rowCounts } from "./tax-db.fixture";

const alice = makeIdNumber("330182", "1975-03-14", 122);
const bob = makeIdNumber("330182", "1962-11-02", 131);

test("a first return is reconciled, stored in fen and announced in the outbox", async () => {
  const { db, s, close } = await openTestDb();
  try {
    const r = await s.taxReturns.file({
      idNumber: alice,
      year: 2023,
      wageIncome: 150_000,
      specialDeductions: 20_000,
      additionalDeductions: 24_000,
      taxWithheld: 4_000,
    });
    assert.equal(r.taxableIncome, 46_000); // 150,000 − 60,000 − 20,000 − 24,000
    assert.equal(r.taxDue, 2_080); // 46,000 × 10% − 2,520
    assert.equal(r.balance, -1_920); // refund
    assert.equal(r.amendment, false);
    assert.equal(r.current, true);
    const [raw] = await db.query("SELECT tax_due_fen, pension_income_fen FROM tax_return");
    assert.equal(Number(raw.tax_due_fen), 208_000);
    assert.equal(Number(raw.pension_income_fen), 0); // optional amounts default to 0
    const [event] = await db.query("SELECT type, subject, source, data FROM outbox_event");
    assert.equal(event.type, TaxEvents.returnFiled);
    assert.equal(event.subject, alice);
    assert.equal(event.source, "tax");
    assert.equal(JSON.parse(event.data).balance, -1_920);
  } finally {
    await close();
  }
});

test("an amendment supersedes the first return, both are kept, and the summary uses the latest", async () => {
  const { db, s, close } = await openTestDb();
  try {
    const first = await s.taxReturns.file({ idNumber: alice, year: 2023, wageIncome: 100_000, taxWithheld: 500 });
    const second = await s.taxReturns.file({ idNumber: alice, year: 2023, wageIncome: 120_000, taxWithheld: 500 });
    assert.equal(second.amendment, true);
    assert.equal(second.supersedesId, first.id);

    const [history] = await s.taxReturns.histories([alice]);
    assert.deepEqual(
      history.map((r) => r.id),
      [second.id, first.id],
    ); // newest first
    assert.equal(history[1].current, false);
    assert.ok(history[1].supersededAt);
    assert.equal(history[1].wageIncome, 100_000); // the superseded figures are unchanged
    assert.equal(history[0].current, true);

    const [summary] = await s.taxReturns.summaries([alice], 2023);
    assert.ok(summary);
    assert.equal(summary.wageIncome, 120_000);
    assert.equal(summary.taxableIncome, 60_000);
    assert.equal(summary.taxDue, 3_480); // 60,000 × 10% − 2,520
    assert.equal(summary.balance, 2_980); // payable
    assert.equal(summary.amended, true);
    assert.equal(summary.returnId, second.id);

    const events = await db.query("SELECT data FROM outbox_event ORDER BY sequence");
    assert.deepEqual(
      events.map((e: { data: string }) => JSON.parse(e.data).amendment),
      [false, true],
    );
  } finally {
    await close();
  }
});

test("summaries come in key order, null for a person or year without a return", async () => {
  const { s, close } = await openTestDb();
  try {
    await s.taxReturns.file({ idNumber: bob, year: 2022, wageIncome: 50_000, pensionIncome: 36_000, taxWithheld: 0 });
    await s.taxReturns.file({ idNumber: alice, year: 2023, wageIncome: 70_000, taxWithheld: 0 });
    const summaries = await s.taxReturns.summaries([alice, bob], 2022);
    assert.equal(summaries[0], null);
    assert.equal(summaries[1]?.pensionIncome, 36_000);
    assert.equal(summaries[1]?.taxDue, 0);
    assert.equal(summaries[1]?.balance, 0);
    const [aliceSummary] = await s.taxReturns.summaries([alice], 2023);
    assert.equal(aliceSummary?.balance, 300); // 10,000 × 3%, nothing withheld: payable
  } finally {
    await close();
  }
});

test("the current year may be filed; people's returns do not interfere", async () => {
  const { s, close } = await openTestDb();
  try {
    const year = Number(today().slice(0, 4));
    await s.taxReturns.file({ idNumber: alice, year, wageIncome: 1, taxWithheld: 0 });
    const other = await s.taxReturns.file({ idNumber: bob, year, wageIncome: 1, taxWithheld: 0 });
    assert.equal(other.amendment, false);
  } finally {
    await close();
  }
});

test("bad input is BAD_USER_INPUT naming the field, and writes nothing", async () => {
  const { db, s, close } = await openTestDb();
  try {
    const ok = { idNumber: alice, year: 2023, wageIncome: 100_000, taxWithheld: 1_000 };
    const nextYear = Number(today().slice(0, 4)) + 1;
    const bad: [Record<string, unknown>, string][] = [
      [{ idNumber: "330182197503141230" }, "idNumber"], // wrong check digit
      [{ idNumber: "12345" }, "idNumber"],
      [{ year: 2018 }, "year"],
      [{ year: nextYear }, "year"],
      [{ wageIncome: -1 }, "wageIncome"],
      [{ wageIncome: 100.001 }, "wageIncome"],
      [{ pensionIncome: -0.01 }, "pensionIncome"],
      [{ specialDeductions: -5 }, "specialDeductions"],
      [{ additionalDeductions: 1.234 }, "additionalDeductions"],
      [{ taxWithheld: -100 }, "taxWithheld"],
      [{ taxWithheld: Number.NaN }, "taxWithheld"],
    ];
    for (const [change, field] of bad) {
      const err = await rejection(s.taxReturns.file({ ...ok, ...change } as never));
      assert.equal(err.extensions.code, "BAD_USER_INPUT", `${JSON.stringify(change)}: ${err.message}`);
      assert.equal(err.extensions.field, field);
    }
    assert.deepEqual(await rowCounts(db), { tax_return: 0, withholding_return: 0, pension_income: 0, outbox_event: 0 });
  } finally {
    await close();
  }
});
