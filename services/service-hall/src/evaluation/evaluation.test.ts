import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { CursorKey, pageRequest } from "@onewindow/platform";
import { HallEvaluationChannel, HallRating } from "./evaluation.enums";
import { openTestHall, person } from "../service-hall.fixture";
import { RectificationSource, RectificationStatus } from "../rectification/rectification.enums";

/** Cursors of this process only, as a department seals them for one list. */
const cursors = CursorKey.ephemeral().list("test");

test("an UNSATISFIED evaluation opens a rectification item due in 10 working days; others do not", async () => {
  const { s, setNow } = await openTestHall("2026-11-23T09:00:00+08:00");
  const hallCase = await s.cases.open({ idNumber: person(1), itemCode: "TX001", window: "20" });
  const happy = await s.evaluations.submit({
    caseId: String(hallCase.id),
    channel: HallEvaluationChannel.DEVICE,
    rating: HallRating.SATISFIED,
  });
  assert.equal(happy.rectificationId, null);
  assert.equal(happy.window, "20");
  assert.equal(happy.department, "TAX");
  const unhappy = await s.evaluations.submit({
    caseId: String(hallCase.id),
    window: "20",
    channel: HallEvaluationChannel.FORM,
    rating: HallRating.UNSATISFIED,
  });
  assert.ok(unhappy.rectificationId);
  const ledger = await s.rectifications.list(RectificationStatus.OPEN, pageRequest(10, null, cursors));
  assert.equal(ledger.totalCount, 1);
  const item = ledger.edges[0].node;
  assert.equal(item.id, unhappy.rectificationId);
  assert.equal(item.evaluationId, unhappy.id);
  assert.equal(item.source, RectificationSource.EVALUATION);
  assert.equal(item.window, "20");
  assert.equal(item.openedOn, "2026-11-23");
  assert.equal(item.deadline, "2026-12-07");
  assert.match(item.description, /20号窗口/);
  setNow("2026-12-03T15:00:00+08:00");
  const resolved = await s.rectifications.resolve({
    id: String(item.id),
    resolvedOn: "2026-12-03",
    action: "窗口人员开展政策解读培训",
  });
  assert.equal(resolved.status, RectificationStatus.RESOLVED);
  assert.equal(resolved.resolvedInTime, true);
  assert.equal((await s.rectifications.list(RectificationStatus.OPEN, pageRequest(10, null, cursors))).totalCount, 0);
  // An evaluation of a window as a whole needs no case.
  const windowOnly = await s.evaluations.submit({
    window: "21",
    channel: HallEvaluationChannel.ONLINE,
    rating: HallRating.BASICALLY_SATISFIED,
  });
  assert.equal(windowOnly.caseId, null);
  assert.equal(windowOnly.department, null);
});

test("openRectification records a complaint with its deadline", async () => {
  const { s } = await openTestHall("2026-11-23T09:00:00+08:00");
  const item = await s.rectifications.open({
    description: "  监督电话反映午间窗口无人  ",
    deadline: "2026-11-23",
    window: "05",
  });
  assert.equal(item.source, RectificationSource.COMPLAINT);
  assert.equal(item.description, "监督电话反映午间窗口无人");
  assert.equal(item.status, RectificationStatus.OPEN);
  assert.equal(item.resolvedInTime, null);
});
