import { addDays, type SeededRandom } from "@onewindow/platform";
import { PatientEvaluationChannel } from "../evaluation/evaluation.enums";
import { FollowUpOutcome } from "../follow-up/follow-up.enums";
import { INPATIENT_DEPARTMENTS, OUTPATIENT_DEPARTMENTS } from "./jiande.figures";
import { randomDay } from "./record-generators";
import type { EvaluationRow, FollowUpPlan, StayRow } from "./seed-rows";

/**
 * Follow-up calls for a year's stays such that exactly `reached` of them are reached. Some
 * reached patients needed a second call; of the others some never answered, some declined
 * and some were never called.
 */
export function planFollowUps(rng: SeededRandom, stays: StayRow[], reached: number): FollowUpPlan[] {
  const calls: FollowUpPlan[] = [];
  const order = rng.permutation(stays.length);
  order.forEach((stayIndex, rank) => {
    let day = addDays(stays[stayIndex].dischargedOn, rng.int(2, 10));
    if (rank < reached) {
      if (rng.next() < 0.08) {
        calls.push({ stayIndex, calledOn: day, outcome: FollowUpOutcome.UNREACHABLE });
        day = addDays(day, rng.int(1, 3));
      }
      calls.push({ stayIndex, calledOn: day, outcome: FollowUpOutcome.REACHED });
      return;
    }
    const r = rng.next();
    if (r < 0.55) {
      calls.push({ stayIndex, calledOn: day, outcome: FollowUpOutcome.UNREACHABLE });
      if (rng.next() < 0.5)
        calls.push({ stayIndex, calledOn: addDays(day, rng.int(1, 4)), outcome: FollowUpOutcome.UNREACHABLE });
    } else if (r < 0.8) {
      calls.push({ stayIndex, calledOn: day, outcome: FollowUpOutcome.DECLINED });
    }
  });
  return calls;
}

export interface EvaluationPlan {
  hospitalCode: string;
  year: number;
  channel: PatientEvaluationChannel;
  evaluations: number;
  /** Exactly this many are not satisfied, so the rate is what the plan says. */
  dissatisfied: number;
}

/** Evaluations through one channel over a year; the device is at outpatient counters, surveys on wards. */
export function generateEvaluations(rng: SeededRandom, plan: EvaluationPlan): EvaluationRow[] {
  const unhappy = new Set(rng.permutation(plan.evaluations).slice(0, plan.dissatisfied));
  const departments = plan.channel === PatientEvaluationChannel.DEVICE ? OUTPATIENT_DEPARTMENTS : INPATIENT_DEPARTMENTS;
  return Array.from({ length: plan.evaluations }, (_, i) => {
    const satisfied = !unhappy.has(i);
    return {
      hospitalCode: plan.hospitalCode,
      evaluatedOn: randomDay(rng, plan.year),
      channel: plan.channel,
      satisfied,
      // Some counter evaluations are of the hall as a whole, not of a department.
      department: rng.next() < 0.1 ? null : rng.weighted(departments).name,
      score: satisfied ? rng.int(4, 5) : rng.int(1, 3),
    };
  });
}
