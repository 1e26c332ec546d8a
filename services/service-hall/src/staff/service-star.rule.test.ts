import { test } from "@jest/globals";
import assert from "node:assert/strict";
import {
  chooseStars,
  describeStarRule,
  qualifies,
  SERVICE_STAR_RULE,
  starScore,
  type StarCandidate,
} from "./service-star.rule";

const person = (staffNumber: string, over: Partial<StarCandidate> = {}): StarCandidate => ({
  staffNumber,
  casesHandled: 100,
  onTime: 100,
  evaluations: 10,
  unsatisfied: 0,
  ...over,
});

test("a candidate needs enough cases, on time, and evaluations, satisfied, with no UNSATISFIED one", () => {
  const rule = SERVICE_STAR_RULE;
  assert.equal(qualifies(person("A")), true);
  assert.equal(qualifies(person("A", { casesHandled: rule.minCases - 1, onTime: rule.minCases - 1 })), false);
  assert.equal(qualifies(person("A", { casesHandled: rule.minCases, onTime: rule.minCases })), true);
  assert.equal(qualifies(person("A", { evaluations: 0 })), false, "a star is rated by citizens");
  // One UNSATISFIED rating rules the month out (一票否决), even at 99 of 100 satisfied.
  assert.equal(qualifies(person("A", { evaluations: 100, unsatisfied: 1 })), false);
  // On time below 95%: 94 of 100.
  assert.equal(qualifies(person("A", { onTime: 94 })), false);
  assert.equal(qualifies(person("A", { onTime: 95 })), true);
  // A looser rule of the centre's own admits the UNSATISFIED one while the rate holds.
  const looser = { ...rule, unsatisfiedAllowed: 1 };
  assert.equal(qualifies(person("A", { evaluations: 100, unsatisfied: 1 }), looser), true);
  assert.equal(qualifies(person("A", { evaluations: 10, unsatisfied: 1 }), looser), false, "90% < 95%");
});

test("stars are ranked by on-time cases × satisfaction, ties by evaluations then staff number, at most three", () => {
  assert.equal(starScore(person("A", { onTime: 80, casesHandled: 80, evaluations: 4, unsatisfied: 0 })), 80);
  const stars = chooseStars([
    person("KX05", { casesHandled: 90, onTime: 90 }),
    person("KX02", { casesHandled: 120, onTime: 120 }),
    person("KX03", { casesHandled: 90, onTime: 90, evaluations: 12 }),
    person("KX01", { casesHandled: 90, onTime: 90 }),
    person("KX04", { casesHandled: 200, onTime: 200, unsatisfied: 1 }),
    person("KX06", { casesHandled: 5, onTime: 5 }),
  ]);
  assert.deepEqual(
    stars.map((s) => [s.rank, s.candidate.staffNumber, s.score]),
    [
      [1, "KX02", 120],
      [2, "KX03", 90],
      [3, "KX01", 90],
    ],
  );
  assert.deepEqual(chooseStars([person("A", { evaluations: 0 })]), []);
  assert.equal(chooseStars([person("A"), person("B")], { ...SERVICE_STAR_RULE, stars: 1 }).length, 1);
});

test("the schema's description states the rule with the thresholds the code applies", () => {
  const text = describeStarRule();
  for (const part of [`at least ${SERVICE_STAR_RULE.minCases}`, "95%", "一票否决", `first ${SERVICE_STAR_RULE.stars}`])
    assert.ok(text.includes(part), part);
});
