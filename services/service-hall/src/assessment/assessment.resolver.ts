import { CentreLevel } from "../centre/centre.enums";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Role } from "@onewindow/contracts";
import type { RequestContext } from "@onewindow/platform";
import type { Services } from "../services";
import { Assessment, AssessmentStandard } from "./assessment.entity";
import { AssessmentKind } from "./assessment.enums";
import { LoadAssessmentStandardInput, OpenAssessmentInput, ScoreAssessmentPointInput } from "./assessment.inputs";
import { AssessmentRankingRow, AssessmentReport } from "./assessment.types";

/** Window clerks self-review their centre; analysts do every other kind (checked by kind in the service). */
const ASSESSORS: readonly Role[] = ["window_clerk", "analyst"];
/** The standard's text: whoever assesses, and the administrator who loads it. */
const STANDARD_READERS: readonly Role[] = ["window_clerk", "analyst", "admin"];
/** Versions of the standard are rules set by notice: the administrator's, like the holiday schedules. */
const STANDARD_ADMINS: readonly Role[] = ["admin"];
/** Reports: the centre's clerks (after their self review) and analysts; rankings across centres: analysts. */
const REPORT_READERS: readonly Role[] = ["window_clerk", "analyst"];
const RANKING_READERS: readonly Role[] = ["analyst"];

const KIND_FILTER = {
  nullable: true,
  description: "Only assessments of this kind; omit for every kind.",
} as const;

@Resolver(() => Assessment)
export class AssessmentResolver {
  constructor(private readonly s: Services) {}

  @Authorized(STANDARD_READERS)
  @Query(() => AssessmentStandard, {
    description: "A version of the window standard, or the current one. NOT_FOUND for an unknown version.",
  })
  assessmentStandard(
    @Arg("version", () => String, { nullable: true, description: "The version; omit for the current one." })
    version: string | null,
  ) {
    return this.s.assessments.standard(version);
  }

  @Authorized(STANDARD_ADMINS)
  @Mutation(() => AssessmentStandard, {
    description:
      "Loads a new version of the window standard, which new assessments are then scored against. BAD_USER_INPUT unless it has 4 categories, 17 targets and 38 points with unique codes, weights adding up to 100 (each level the sum of the one below) and bars within the weights; CONFLICT for a version loaded already.",
  })
  loadAssessmentStandard(
    @Arg("input", () => LoadAssessmentStandardInput, { description: "The version." })
    input: LoadAssessmentStandardInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.assessments.loadStandard(input, ctx.caller);
  }

  @Authorized(ASSESSORS)
  @Mutation(() => Assessment, {
    description:
      "Opens an assessment of a centre for a period against the current standard: SELF by a window clerk, every other kind by an analyst (FORBIDDEN otherwise). BAD_USER_INPUT for an unknown centre or a period of the wrong shape or not yet begun; CONFLICT when the same assessor opened the same kind for the centre and period already.",
  })
  openAssessment(
    @Arg("input", () => OpenAssessmentInput, { description: "Centre, period and kind." }) input: OpenAssessmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.assessments.open(input, ctx.caller);
  }

  @Authorized(ASSESSORS)
  @Mutation(() => Assessment, {
    description:
      "Scores a point of an open assessment (again, if scored before). A score below the point's bar opens a rectification item (source ASSESSMENT, due in 10 working days) in the same transaction, once per point. BAD_USER_INPUT for an unknown point, a score outside 0..weight in half points, or a completed assessment.",
  })
  scoreAssessmentPoint(
    @Arg("input", () => ScoreAssessmentPointInput, { description: "The point and its score." })
    input: ScoreAssessmentPointInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.assessments.score(input, ctx.caller);
  }

  @Authorized(ASSESSORS)
  @Mutation(() => Assessment, {
    description:
      "Completes an assessment: its total (the sum of the points' scores, out of 100) then counts in reports and rankings. BAD_USER_INPUT while a point is unscored.",
  })
  completeAssessment(
    @Arg("assessmentId", () => ID, { description: "The assessment number." }) assessmentId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return this.s.assessments.complete(assessmentId, ctx.caller);
  }

  @Authorized(REPORT_READERS)
  @Query(() => Assessment, { nullable: true, description: "An assessment with its scores; null when there is none." })
  assessment(@Arg("id", () => ID, { description: "The assessment number." }) id: string) {
    return this.s.assessments.find(id);
  }

  @Authorized(REPORT_READERS)
  @Query(() => [Assessment], {
    description: "A centre's assessments whose period lies within the period given, oldest first.",
  })
  assessments(
    @Arg("centre", { description: "The centre's code." }) centre: string,
    @Arg("period", { description: "A day, month, quarter or year: 2026-05-12, 2026-05, 2026-Q2, 2026." })
    period: string,
  ) {
    return this.s.assessments.list(centre, period);
  }

  @Authorized(REPORT_READERS)
  @Query(() => AssessmentReport, {
    description:
      "A centre's window-standard report: the completed assessments whose period lies within the period given (a month's patrols within its quarter), their mean scores by category and in total, and the rectification items they opened that are still open.",
  })
  assessmentReport(
    @Arg("centre", { description: "The centre's code." }) centre: string,
    @Arg("period", { description: "A day, month, quarter or year: 2026-05-12, 2026-05, 2026-Q2, 2026." })
    period: string,
    @Arg("kind", () => AssessmentKind, KIND_FILTER) kind: AssessmentKind | null,
  ) {
    return this.s.assessments.report(centre, period, kind);
  }

  @Authorized(RANKING_READERS)
  @Query(() => [AssessmentRankingRow], {
    description:
      "The centres of a level ranked by the mean total of their completed assessments in the period, best first; centres without one last, unplaced.",
  })
  assessmentRanking(
    @Arg("level", () => CentreLevel, { description: "The level of centre ranked." })
    level: CentreLevel,
    @Arg("period", { description: "A day, month, quarter or year: 2026-05-12, 2026-05, 2026-Q2, 2026." })
    period: string,
    @Arg("kind", () => AssessmentKind, KIND_FILTER) kind: AssessmentKind | null,
  ) {
    return this.s.assessments.ranking(level, period, kind);
  }
}
