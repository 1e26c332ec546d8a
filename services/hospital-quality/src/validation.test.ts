import { test } from "@jest/globals";
import assert from "node:assert/strict";
import { addDays, makeIdNumber, today } from "@onewindow/platform";
import { openDepartmentDatabase, rejectsWith } from "@onewindow/testing";
import { hospitalQuality } from "./index";
import { snapshot } from "./hospital-quality.fixture";
import { FollowUpOutcome } from "./follow-up/follow-up.enums";
import { PatientEvaluationChannel } from "./evaluation/evaluation.enums";
import { Granularity, QualityMetric } from "./metrics/metrics.enums";
import type { Services } from "./services";

const tomorrow = () => addDays(today(), 1);
const visit = { hospitalCode: "T01", visitDate: "2024-03-01", department: "内科", totalCost: 100, drugCost: 40 };
const stay = {
  hospitalCode: "T01",
  admittedOn: "2024-03-01",
  dischargedOn: "2024-03-05",
  department: "外科",
  totalCost: 3000,
  drugCost: 1000,
};
const evaluation = {
  hospitalCode: "T01",
  evaluatedOn: "2024-03-01",
  channel: PatientEvaluationChannel.DEVICE,
  satisfied: true,
};

/** A hospital with one stay (discharged 2024-03-05), ready for rejected inputs. */
async function setUp() {
  const { db, services: s } = await openDepartmentDatabase(hospitalQuality);
  await s.hospitals.register({ code: "T01", name: "Test hospital" });
  const { id } = await s.inpatient.record(stay);
  return { db, s, stayId: String(id) };
}

/** Every case: the call, the code and the field it must name. */
const cases: [string, (s: Services, stayId: string) => Promise<unknown>, string, string | undefined][] = [
  ["negative total cost", (s) => s.outpatient.record({ ...visit, totalCost: -1 }), "BAD_USER_INPUT", "totalCost"],
  ["negative drug cost", (s) => s.inpatient.record({ ...stay, drugCost: -0.01 }), "BAD_USER_INPUT", "drugCost"],
  ["more than two decimals", (s) => s.outpatient.record({ ...visit, drugCost: 1.005 }), "BAD_USER_INPUT", "drugCost"],
  [
    "visit drug cost above total",
    (s) => s.outpatient.record({ ...visit, drugCost: 100.01 }),
    "BAD_USER_INPUT",
    "drugCost",
  ],
  [
    "stay drug cost above total",
    (s) => s.inpatient.record({ ...stay, drugCost: 3000.01 }),
    "BAD_USER_INPUT",
    "drugCost",
  ],
  [
    "discharge before admission",
    (s) => s.inpatient.record({ ...stay, dischargedOn: "2024-02-29" }),
    "BAD_USER_INPUT",
    "dischargedOn",
  ],
  [
    "visit in the future",
    (s) => s.outpatient.record({ ...visit, visitDate: tomorrow() }),
    "BAD_USER_INPUT",
    "visitDate",
  ],
  [
    "discharge in the future",
    (s) => s.inpatient.record({ ...stay, dischargedOn: tomorrow() }),
    "BAD_USER_INPUT",
    "dischargedOn",
  ],
  [
    "evaluation in the future",
    (s) => s.evaluations.submit({ ...evaluation, evaluatedOn: tomorrow() }),
    "BAD_USER_INPUT",
    "evaluatedOn",
  ],
  [
    "call in the future",
    (s, id) => s.followUps.record({ stayId: id, calledOn: tomorrow(), outcome: FollowUpOutcome.REACHED }),
    "BAD_USER_INPUT",
    "calledOn",
  ],
  [
    "date that does not exist",
    (s) => s.outpatient.record({ ...visit, visitDate: "2023-02-29" }),
    "BAD_USER_INPUT",
    "visitDate",
  ],
  [
    "visit at an unknown hospital",
    (s) => s.outpatient.record({ ...visit, hospitalCode: "NOPE" }),
    "BAD_USER_INPUT",
    "hospitalCode",
  ],
  [
    "stay at an unknown hospital",
    (s) => s.inpatient.record({ ...stay, hospitalCode: "NOPE" }),
    "BAD_USER_INPUT",
    "hospitalCode",
  ],
  [
    "evaluation of an unknown hospital",
    (s) => s.evaluations.submit({ ...evaluation, hospitalCode: "NOPE" }),
    "BAD_USER_INPUT",
    "hospitalCode",
  ],
  [
    "malformed hospital code",
    (s) => s.outpatient.record({ ...visit, hospitalCode: "!" }),
    "BAD_USER_INPUT",
    "hospitalCode",
  ],
  [
    "follow-up of an unknown stay",
    (s) => s.followUps.record({ stayId: "999999", calledOn: "2024-03-10", outcome: FollowUpOutcome.REACHED }),
    "BAD_USER_INPUT",
    "stayId",
  ],
  [
    "follow-up of a malformed stay id",
    (s) => s.followUps.record({ stayId: "abc", calledOn: "2024-03-10", outcome: FollowUpOutcome.REACHED }),
    "BAD_USER_INPUT",
    "stayId",
  ],
  [
    "follow-up before discharge",
    (s, id) => s.followUps.record({ stayId: id, calledOn: "2024-03-04", outcome: FollowUpOutcome.REACHED }),
    "BAD_USER_INPUT",
    "calledOn",
  ],
  [
    "invalid patient ID number",
    (s) => s.outpatient.record({ ...visit, patientIdNumber: "330182199001011234" }),
    "BAD_USER_INPUT",
    "patientIdNumber",
  ],
  ["empty department", (s) => s.outpatient.record({ ...visit, department: "  " }), "BAD_USER_INPUT", "department"],
  ["score out of range", (s) => s.evaluations.submit({ ...evaluation, score: 6 }), "BAD_USER_INPUT", "score"],
  [
    "metrics from after to",
    (s) => s.metrics.qualityMetrics("T01", "2024-04-01", "2024-03-31"),
    "BAD_USER_INPUT",
    "from",
  ],
  [
    "trend from after to",
    (s) => s.metrics.metricTrend("T01", QualityMetric.OUTPATIENT_VISITS, "2024-04-01", "2024-03-31", Granularity.MONTH),
    "BAD_USER_INPUT",
    "from",
  ],
  ["second registration of a code", (s) => s.hospitals.register({ code: "t01", name: "Again" }), "CONFLICT", undefined],
  [
    "grade without a level",
    (s) => s.hospitals.register({ code: "T02", name: "X", grade: "A" as never }),
    "BAD_USER_INPUT",
    "grade",
  ],
];

for (const [name, act, code, field] of cases) {
  test(`rejects ${name} with ${code} and writes nothing`, async () => {
    const { db, s, stayId } = await setUp();
    const before = await snapshot(db);
    await rejectsWith(() => act(s, stayId), code, { field });
    assert.deepEqual(await snapshot(db), before);
  });
}

test("a refusal speaks Chinese to the clerk and keeps the English message for API clients", async () => {
  const { s } = await setUp();
  const error = await rejectsWith(() => s.inpatient.record({ ...stay, drugCost: 3000.01 }), "BAD_USER_INPUT", {
    field: "drugCost",
    message: /^drugCost: drug cost 3000\.01 exceeds the total cost 3000$/,
  });
  assert.equal(error.extensions.localizedMessage, "药品费用 3000.01 元超过总费用 3000 元");
});

test("each accepted record writes its row, its rollup delta and one event in the outbox", async () => {
  const { db, s, stayId } = await setUp();
  const patientIdNumber = makeIdNumber("330182", "1960-05-01", 12);
  await s.outpatient.record({ ...visit, patientIdNumber, prescriberId: "D007" });
  await s.followUps.record({ stayId, calledOn: "2024-03-08", outcome: FollowUpOutcome.REACHED });
  await s.evaluations.submit({ ...evaluation, department: "内科", score: 5 });
  const events: { type: string; subject: string; data: string }[] = await db.query(
    "SELECT type, subject, data FROM outbox_event ORDER BY sequence",
  );
  assert.deepEqual(
    events.map((e) => e.type),
    [
      "onewindow.hospital.hospital.registered",
      "onewindow.hospital.inpatient.discharged",
      "onewindow.hospital.outpatient.recorded",
      "onewindow.hospital.followup.recorded",
      "onewindow.hospital.evaluation.submitted",
    ],
  );
  const discharged = JSON.parse(events[1].data);
  assert.deepEqual(discharged, {
    stayId: Number(stayId),
    hospitalCode: "T01",
    patientIdNumber: null,
    department: "外科",
    admittedOn: "2024-03-01",
    dischargedOn: "2024-03-05",
    totalCostFen: 300_000,
    drugCostFen: 100_000,
  });
  assert.equal(events[2].subject, patientIdNumber);
  const [row] = await db.query("SELECT prescriber_id, patient_id_number FROM outpatient_visit");
  assert.deepEqual({ ...row }, { prescriber_id: "D007", patient_id_number: patientIdNumber });
  assert.deepEqual(await snapshot(db), {
    hospital: 1,
    outpatient_visit: 1,
    inpatient_stay: 1,
    follow_up: 1,
    patient_evaluation: 1,
    outbox_event: 5,
    // rows (03-05, 外科): discharge + reached; (03-01, 内科): visit + evaluation; (03-08, 外科): the call
    daily_rollup: 3,
    // 1 visit + 1 discharge + 1 reached + 1 call + 1 evaluation
    rollupSum: 5,
  });
});

test("a second REACHED call does not count the discharge twice", async () => {
  const { s, stayId } = await setUp();
  await s.followUps.record({ stayId, calledOn: "2024-03-08", outcome: FollowUpOutcome.REACHED });
  await s.followUps.record({ stayId, calledOn: "2024-03-09", outcome: FollowUpOutcome.REACHED });
  const m = await s.metrics.qualityMetrics("T01", "2024-03-01", "2024-03-31");
  assert.equal(m.followedUpDischarges, 1);
  assert.equal(m.followUpRate, 1);
  assert.equal(m.followUpCalls, 2);
});

test("records are dated by the department's clock, not the machine's", async () => {
  const { services: s } = await openDepartmentDatabase(hospitalQuality, {
    clock: () => new Date("2024-03-05T15:30:00Z"), // 23:30 on 03-05 in Beijing
  });
  const hospital = await s.hospitals.register({ code: "T02", name: "Clock hospital" });
  assert.equal(hospital.registeredAt, "2024-03-05T15:30:00.000Z");
  await s.outpatient.record({ ...visit, hospitalCode: "T02", visitDate: "2024-03-05" });
  await rejectsWith(
    () => s.outpatient.record({ ...visit, hospitalCode: "T02", visitDate: "2024-03-06" }),
    "BAD_USER_INPUT",
    { field: "visitDate" },
  );
});
