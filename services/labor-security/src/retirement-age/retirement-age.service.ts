import type { DataSource, EntityManager } from "typeorm";
import { BadUserInputError, NotFoundError, intInRange, requiredText, type Clock } from "@onewindow/platform";
import type { Citizen } from "../citizen/citizen.entity";
import { Gender } from "../citizen/citizen.enums";
import { LABOR_RETIREMENT } from "../messages";
import { RetirementAgeRule } from "./retirement-age.entity";
import { RetirementCategory } from "./retirement-age.enums";
import type { UpdateRetirementAgeRuleInput } from "./retirement-age.inputs";
import { lastBirthDateRetiredBy, retirementSchedule, type RetirementSchedule } from "./retirement-age.schedule";

/** The part of a citizen their retirement age depends on. */
export type RetirementSubject = Pick<Citizen, "gender" | "birthDate" | "retirementCategory">;

/**
 * The rule code of a person: men have one table; a woman follows the cadre table only when
 * recorded as CADRE, otherwise the worker table, as the decision's tables default (原法定退休年龄
 * 五十周岁的女职工, 国发〔1978〕104号 for workers).
 */
export function ruleCodeOf(person: Pick<RetirementSubject, "gender" | "retirementCategory">): string {
  if (person.gender === Gender.MALE) return "MALE";
  return person.retirementCategory === RetirementCategory.CADRE ? "FEMALE_CADRE" : "FEMALE_WORKER";
}

/**
 * {@link ruleCodeOf} as SQL on the citizen alias `alias`, for reads that join a person's rule
 * (the two must say the same; the assistance groups' tests read both ways).
 */
export function ruleCodeSql(alias: string): string {
  return `CASE WHEN ${alias}.gender = '${Gender.MALE}' THEN 'MALE' WHEN ${alias}.retirement_category = '${RetirementCategory.CADRE}' THEN 'FEMALE_CADRE' ELSE 'FEMALE_WORKER' END`;
}

/** A schedule with the rule it was computed by. */
export interface RuledSchedule extends RetirementSchedule {
  rule: RetirementAgeRule;
}

/** Statutory retirement ages (data in `retirement_age_rule`) and each person's dates under them. */
export class RetirementAgeService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Every rule, by code. */
  async rules(manager: EntityManager = this.db.manager): Promise<RetirementAgeRule[]> {
    return manager.getRepository(RetirementAgeRule).find({ order: { code: "ASC" } });
  }

  /** The rules by code, for computing many schedules with one query. */
  async ruleMap(manager: EntityManager = this.db.manager): Promise<Map<string, RetirementAgeRule>> {
    return new Map((await this.rules(manager)).map((r) => [r.code, r]));
  }

  /** A person's schedule under the rules given (from {@link ruleMap}). */
  scheduleWith(rules: Map<string, RetirementAgeRule>, person: RetirementSubject): RuledSchedule {
    const rule = rules.get(ruleCodeOf(person));
    // The migration seeds every code and nothing deletes one: a missing row is a broken database.
    if (!rule) throw new Error(`retirement_age_rule ${ruleCodeOf(person)} is missing`);
    return { ...retirementSchedule(person.birthDate, rule), rule };
  }

  /** One person's schedule, read inside `manager`'s transaction when given. */
  async scheduleOf(person: RetirementSubject, manager: EntityManager = this.db.manager): Promise<RuledSchedule> {
    return this.scheduleWith(await this.ruleMap(manager), person);
  }

  /** Schedules of a batch of citizens, in order, with one query. */
  async schedulesOf(people: readonly RetirementSubject[]): Promise<RuledSchedule[]> {
    const rules = await this.ruleMap();
    return people.map((p) => this.scheduleWith(rules, p));
  }

  /**
   * For each rule code, the latest birth date of people who have reached their statutory date by
   * `day` (null: nobody): what a list filter compares `birth_date` with.
   */
  async lastBirthDatesRetiredBy(day: string): Promise<Map<string, string | null>> {
    const rules = await this.rules();
    return new Map(rules.map((r) => [r.code, lastBirthDateRetiredBy(day, r)]));
  }

  /** Replaces a rule's parameters, with the notice that sets them (an audited act of the labor officer). */
  async update(input: UpdateRetirementAgeRuleInput): Promise<RetirementAgeRule> {
    const code = requiredText(input.code, "code", 20);
    const originalAgeYears = intInRange(input.originalAgeYears, "originalAgeYears", 40, 70)!;
    const targetAgeYears = intInRange(input.targetAgeYears, "targetAgeYears", 40, 75)!;
    if (targetAgeYears < originalAgeYears) {
      throw new BadUserInputError(
        LABOR_RETIREMENT.targetBelowOriginal.with({ target: targetAgeYears, original: originalAgeYears }),
        "targetAgeYears",
      );
    }
    const startBirthMonth = input.startBirthMonth?.trim() ?? "";
    if (!/^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(startBirthMonth)) {
      throw new BadUserInputError(LABOR_RETIREMENT.startBirthMonth.with({ value: startBirthMonth }), "startBirthMonth");
    }
    const changes = {
      originalAgeYears,
      startBirthMonth,
      stepBirthMonths: intInRange(input.stepBirthMonths, "stepBirthMonths", 1, 12)!,
      targetAgeYears,
      maxEarlyMonths: intInRange(input.maxEarlyMonths, "maxEarlyMonths", 0, 60)!,
      maxDelayMonths: intInRange(input.maxDelayMonths, "maxDelayMonths", 0, 60)!,
      source: requiredText(input.source, "source", 500),
      updatedAt: this.clock().toISOString(),
    };
    return this.db.transaction(async (tx) => {
      const rule = await tx.findOneBy(RetirementAgeRule, { code });
      if (!rule) throw new NotFoundError(LABOR_RETIREMENT.ruleNotFound.with({ code }));
      await tx.update(RetirementAgeRule, { code }, changes);
      return Object.assign(rule, changes);
    });
  }
}
