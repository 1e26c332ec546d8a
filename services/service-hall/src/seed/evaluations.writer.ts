import type { EntityManager } from "typeorm";
import { addDays, type SeededRandom, bulkInsert } from "@onewindow/platform";
import type { WorkingCalendar } from "../calendar/working-calendar";
import type { HallDepartment } from "../catalogue/catalogue.enums";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { AUTO_RECTIFICATION_WORKING_DAYS } from "../evaluation/evaluation.service";
import { HallEvaluation } from "../evaluation/hall-evaluation.entity";
import { HallRectification } from "../rectification/rectification.entity";
import { RectificationSource, RectificationStatus } from "../rectification/rectification.enums";
import { KAIXUAN } from "./kaixuan.figures";

/** A seeded case that gets an evaluation. */
export interface EvaluatedCase {
  caseId: number;
  window: string;
  department: HallDepartment;
  day: string;
  /** The clerk who accepted the case: the one its evaluation rates. */
  staffNumber: string;
}

/**
 * Writes the demo evaluations and the ledger the way the hall's own rules would have: every
 * UNSATISFIED rating opened a rectification item due 10 working days later, and each of the 16
 * was resolved before its deadline. Unsatisfied forms are spread over the period but kept early
 * enough that their deadlines fall inside it, so the period's rectification rate counts all 16.
 */
export async function writeEvaluationsAndLedger(
  tx: EntityManager,
  rng: SeededRandom,
  cases: EvaluatedCase[],
  calendar: WorkingCalendar,
): Promise<{ evaluations: number; rectifications: number }> {
  // Four of every five evaluated cases got a form until there are 635; the rest used the device.
  const forms = cases.filter((_, i) => i % 5 !== 4).slice(0, KAIXUAN.formEvaluations);
  const formIds = new Set(forms.map((c) => c.caseId));
  const devices = cases.filter((c) => !formIds.has(c.caseId));
  const unsatisfiedEvery = Math.floor(forms.length / KAIXUAN.unsatisfied);
  const unsatisfied = new Set(
    forms
      .filter((_, i) => i % unsatisfiedEvery === 0)
      .slice(0, KAIXUAN.unsatisfied)
      .map((c) => c.caseId),
  );
  const rows: Partial<HallEvaluation>[] = [];
  const rate = (list: EvaluatedCase[], channel: HallEvaluationChannel, basically: number) => {
    const satisfiedOnes = list.filter((c) => !unsatisfied.has(c.caseId));
    const basic = new Set(
      rng
        .permutation(satisfiedOnes.length)
        .slice(0, basically)
        .map((i) => satisfiedOnes[i].caseId),
    );
    for (const c of list) {
      const rating = unsatisfied.has(c.caseId)
        ? HallRating.UNSATISFIED
        : basic.has(c.caseId)
          ? HallRating.BASICALLY_SATISFIED
          : HallRating.SATISFIED;
      rows.push({
        caseId: c.caseId,
        window: c.window,
        department: c.department,
        staffNumber: c.staffNumber,
        channel,
        rating,
        evaluatedOn: c.day,
        rectificationId: null,
      });
    }
  };
  rate(forms, HallEvaluationChannel.FORM, KAIXUAN.formBasicallySatisfied);
  rate(devices, HallEvaluationChannel.DEVICE, KAIXUAN.deviceBasicallySatisfied);
  let n = 0;
  for (const row of rows.filter((r) => r.rating === HallRating.UNSATISFIED)) {
    const [problem, action] = KAIXUAN.rectifications[n++ % KAIXUAN.rectifications.length];
    const openedOn = row.evaluatedOn!;
    const deadline = calendar.deadline(openedOn, AUTO_RECTIFICATION_WORKING_DAYS);
    const days = (Date.parse(deadline) - Date.parse(openedOn)) / 86_400_000;
    const item = tx.create(HallRectification, {
      source: RectificationSource.EVALUATION,
      description: problem,
      window: row.window,
      evaluationId: null,
      openedOn,
      deadline,
      status: RectificationStatus.RESOLVED,
      resolvedOn: addDays(openedOn, rng.int(1, days)),
      action,
    });
    await tx.save(item);
    row.rectificationId = item.id;
  }
  await bulkInsert(
    tx,
    "hall_evaluation",
    [
      { name: "case_id", pgType: "integer" },
      { name: "window_code", pgType: "varchar" },
      { name: "department", pgType: "varchar" },
      { name: "channel", pgType: "varchar" },
      { name: "rating", pgType: "varchar" },
      { name: "evaluated_on", pgType: "date" },
      { name: "rectification_id", pgType: "integer" },
      { name: "staff_number", pgType: "varchar" },
    ],
    rows.map((r) => [
      r.caseId,
      r.window,
      r.department,
      r.channel,
      r.rating,
      r.evaluatedOn,
      r.rectificationId,
      r.staffNumber,
    ]),
  );
  // Link each ledger item back to the evaluation that opened it.
  await tx.query(
    "UPDATE hall_rectification SET evaluation_id = (SELECT e.id FROM hall_evaluation e WHERE e.rectification_id = hall_rectification.id) WHERE source = 'EVALUATION' AND evaluation_id IS NULL",
  );
  return { evaluations: rows.length, rectifications: n };
}
