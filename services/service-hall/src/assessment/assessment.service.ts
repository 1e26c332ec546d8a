import type { CentreLevel } from "../centre/centre.enums";
import { In, type DataSource, type EntityManager } from "typeorm";
import type { Caller } from "@onewindow/contracts";
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  hasRole,
  optionalText,
  refuse,
  todayBy,
  type Clock,
} from "@onewindow/platform";
import type { CalendarService } from "../calendar/calendar.service";
import { AUTO_RECTIFICATION_WORKING_DAYS } from "../evaluation/evaluation.service";
import { requireCentre } from "../queue/centres";
import { HallRectification } from "../rectification/rectification.entity";
import { RectificationSource, RectificationStatus } from "../rectification/rectification.enums";
import { RectificationService } from "../rectification/rectification.service";
import {
  Assessment,
  AssessmentPointScore,
  AssessmentStandardItemRow,
  AssessmentStandardRow,
  type AssessmentStandard,
} from "./assessment.entity";
import { AssessmentKind, AssessmentStatus } from "./assessment.enums";
import type { LoadAssessmentStandardInput, OpenAssessmentInput, ScoreAssessmentPointInput } from "./assessment.inputs";
import { HALL_ASSESSMENT, HALL_ASSESSMENT_ACT, HALL_ASSESSMENT_KIND } from "./assessment.messages";
import type { AssessmentRankingRow, AssessmentReport } from "./assessment.types";
import { centresAtLevel, clerksCentre } from "./centre-seams";
import {
  isHalfPointIn,
  meanScores,
  parsePeriod,
  pointsOf,
  scoreAssessment,
  standardItemRows,
  validateStandard,
  type AssessmentScores,
  type StandardData,
} from "./standard";

/** Who may open and score each kind: the centre's own clerks review themselves; analysts do the rest. */
export function mayAssess(caller: Caller, kind: AssessmentKind): boolean {
  return kind === AssessmentKind.SELF ? hasRole(caller, "window_clerk") : hasRole(caller, "analyst");
}

/** Builds a standard version back from its rows. */
function standardFrom(head: AssessmentStandardRow, items: readonly AssessmentStandardItemRow[]): StandardData {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const under = (code: string) => sorted.filter((i) => i.parent === code);
  return {
    version: head.version,
    title: head.title,
    draft: head.draft,
    sourceNote: head.sourceNote,
    categories: sorted
      .filter((i) => i.level === "CATEGORY")
      .map((c) => ({
        code: c.code,
        name: c.text,
        weight: c.weight,
        targets: under(c.code).map((t) => ({
          code: t.code,
          text: t.text,
          weight: t.weight,
          points: under(t.code).map((p) => ({ code: p.code, text: p.text, weight: p.weight, bar: Number(p.bar) })),
        })),
      })),
  };
}

function kindText(kind: AssessmentKind) {
  const { zh, en } = HALL_ASSESSMENT_KIND[kind];
  return { zh, en };
}

/**
 * The window-standard assessment (窗口标准测评): the standard's versions, assessments of a centre
 * for a period, their scores, and the reports and rankings made of the completed ones. A point
 * scored below its bar opens a rectification item in the ledger in the same transaction.
 */
export class AssessmentService {
  constructor(
    private readonly db: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** Loads a new version of the standard, which becomes the current one (admin). */
  async loadStandard(input: LoadAssessmentStandardInput, caller: Caller): Promise<AssessmentStandard> {
    const standard = validateStandard(input);
    const loadedOn = todayBy(this.clock);
    await this.db.transaction(async (tx) => {
      if (await tx.existsBy(AssessmentStandardRow, { version: standard.version }))
        throw new ConflictError(HALL_ASSESSMENT.versionExists.with({ version: standard.version }));
      await tx.insert(AssessmentStandardRow, {
        version: standard.version,
        title: standard.title,
        draft: standard.draft,
        sourceNote: standard.sourceNote,
        loadedOn,
        loadedBy: caller.userId,
      });
      await tx.insert(AssessmentStandardItemRow, standardItemRows(standard));
    });
    return this.standard(standard.version);
  }

  /** A version of the standard, or the current one when `version` is omitted. */
  async standard(version?: string | null): Promise<AssessmentStandard> {
    return this.db.transaction(async (tx) => {
      const current = await this.currentHead(tx);
      const head = version ? await tx.findOneBy(AssessmentStandardRow, { version: version.trim() }) : current;
      if (!head) {
        if (version) throw new NotFoundError(HALL_ASSESSMENT.unknownVersion.with({ version }));
        throw new NotFoundError(HALL_ASSESSMENT.noStandard);
      }
      const data = await this.standardData(tx, head.version);
      return { ...data, loadedOn: head.loadedOn, current: head.id === current?.id };
    });
  }

  private currentHead(tx: EntityManager): Promise<AssessmentStandardRow | null> {
    return tx.findOne(AssessmentStandardRow, { where: {}, order: { id: "DESC" } });
  }

  private async standardData(tx: EntityManager, version: string): Promise<StandardData> {
    const head = await tx.findOneByOrFail(AssessmentStandardRow, { version });
    return standardFrom(head, await tx.findBy(AssessmentStandardItemRow, { version }));
  }

  /** Opens an assessment of a centre for a period, against the current standard. */
  async open(input: OpenAssessmentInput, caller: Caller): Promise<Assessment> {
    if (!Object.values(AssessmentKind).includes(input.kind))
      throw new BadUserInputError(HALL_ASSESSMENT.unknownKind.with({ kind: String(input.kind) }), "kind");
    if (!mayAssess(caller, input.kind))
      refuse(caller, HALL_ASSESSMENT_ACT.actOnKind.with({ kind: kindText(input.kind) }));
    const period = parsePeriod(input.period, input.kind);
    const today = todayBy(this.clock);
    if (period.from > today)
      throw new BadUserInputError(
        HALL_ASSESSMENT.periodNotStarted.with({ period: period.period, from: period.from }),
        "period",
      );
    const id = await this.db.transaction(async (tx) => {
      const centre = (await requireCentre(tx, input.centre)).code;
      if (input.kind === AssessmentKind.SELF) {
        const own = await clerksCentre(tx, caller);
        if (own !== null && own !== centre) refuse(caller, HALL_ASSESSMENT_ACT.otherCentre);
      }
      const standard = await this.currentHead(tx);
      if (!standard) throw new BadUserInputError(HALL_ASSESSMENT.noStandard, "kind");
      const assessor = caller.userId ?? "";
      const existing = await tx.findOneBy(Assessment, { centre, kind: input.kind, period: period.period, assessor });
      if (existing)
        throw new ConflictError(
          HALL_ASSESSMENT.duplicateAssessment.with({
            centre,
            period: period.period,
            kind: kindText(input.kind),
            id: existing.id,
          }),
        );
      const saved = await tx.save(
        tx.create(Assessment, {
          centre,
          kind: input.kind,
          period: period.period,
          periodFrom: period.from,
          periodTo: period.to,
          standardVersion: standard.version,
          status: AssessmentStatus.OPEN,
          assessor,
          openedOn: today,
          completedOn: null,
        }),
      );
      return saved.id;
    });
    return this.get(String(id));
  }

  /** Scores (or scores again) a point of an open assessment; below its bar, opens a ledger item once. */
  async score(input: ScoreAssessmentPointInput, caller: Caller): Promise<Assessment> {
    const note = optionalText(input.note, "note", 500);
    const scoredOn = todayBy(this.clock);
    const id = await this.db.transaction(async (tx) => {
      const assessment = await this.openAssessment(tx, input.assessmentId, caller);
      const standard = await this.standardData(tx, assessment.standardVersion);
      const code = String(input.point ?? "")
        .trim()
        .toUpperCase();
      const point = pointsOf(standard).find((p) => p.code === code);
      if (!point)
        throw new BadUserInputError(
          HALL_ASSESSMENT.unknownPoint.with({ version: standard.version, point: code }),
          "point",
        );
      if (!isHalfPointIn(input.score, point.weight))
        throw new BadUserInputError(
          HALL_ASSESSMENT.scoreOutOfRange.with({ point: code, weight: point.weight, score: String(input.score) }),
          "score",
        );
      const previous = await tx.findOneBy(AssessmentPointScore, { assessmentId: assessment.id, point: code });
      let rectificationId = previous?.rectificationId ?? null;
      // One item per point and assessment: scoring a point low again does not open a second one,
      // and scoring it higher later leaves the item for the ledger to resolve.
      if (input.score < point.bar && rectificationId === null) {
        const item = await RectificationService.openIn(tx, {
          source: RectificationSource.ASSESSMENT,
          centre: assessment.centre,
          // Stored in the ledger as written: Chinese, as the centre keeps it.
          description: HALL_ASSESSMENT.belowBar
            .with({
              centre: assessment.centre,
              period: assessment.period,
              kind: kindText(assessment.kind),
              id: assessment.id,
              point: code,
              text: point.text,
              score: input.score,
              bar: point.bar,
            })
            .zh.slice(0, 500),
          window: null,
          evaluationId: null,
          assessmentId: assessment.id,
          openedOn: scoredOn,
          deadline: (await this.calendar.current(tx)).deadline(scoredOn, AUTO_RECTIFICATION_WORKING_DAYS),
        });
        rectificationId = item.id;
      }
      await tx.save(
        tx.create(AssessmentPointScore, {
          assessmentId: assessment.id,
          point: code,
          score: input.score,
          note,
          scoredBy: caller.userId ?? "",
          scoredOn,
          rectificationId,
        }),
      );
      return assessment.id;
    });
    return this.get(String(id));
  }

  /** Completes an assessment once every point is scored; its total then counts in reports and rankings. */
  async complete(assessmentId: string, caller: Caller): Promise<Assessment> {
    const id = await this.db.transaction(async (tx) => {
      const assessment = await this.openAssessment(tx, assessmentId, caller);
      const standard = await this.standardData(tx, assessment.standardVersion);
      const scored = new Set(
        (await tx.findBy(AssessmentPointScore, { assessmentId: assessment.id })).map((s) => s.point),
      );
      const missing = pointsOf(standard)
        .map((p) => p.code)
        .filter((code) => !scored.has(code));
      if (missing.length > 0)
        throw new BadUserInputError(
          HALL_ASSESSMENT.pointsUnscored.with({ count: missing.length, points: missing.slice(0, 5).join(", ") }),
          "assessmentId",
        );
      await tx.update(
        Assessment,
        { id: assessment.id },
        { status: AssessmentStatus.COMPLETED, completedOn: todayBy(this.clock) },
      );
      return assessment.id;
    });
    return this.get(String(id));
  }

  /** An open assessment the caller may score; BAD_USER_INPUT when unknown or completed. */
  private async openAssessment(tx: EntityManager, idText: string, caller: Caller): Promise<Assessment> {
    const id = this.assessmentNumber(idText);
    const assessment = await tx.findOneBy(Assessment, { id });
    if (!assessment) throw new BadUserInputError(HALL_ASSESSMENT.noAssessment.with({ id }), "assessmentId");
    if (!mayAssess(caller, assessment.kind))
      refuse(caller, HALL_ASSESSMENT_ACT.actOnKind.with({ kind: kindText(assessment.kind) }));
    if (assessment.status === AssessmentStatus.COMPLETED)
      throw new BadUserInputError(
        HALL_ASSESSMENT.assessmentCompleted.with({ id, completedOn: String(assessment.completedOn) }),
        "assessmentId",
      );
    return assessment;
  }

  private assessmentNumber(value: string): number {
    const text = String(value ?? "").trim();
    if (!/^\d{1,12}$/.test(text))
      throw new BadUserInputError(HALL_ASSESSMENT.notAnAssessmentNumber.with({ value: String(value) }), "assessmentId");
    return Number(text);
  }

  /** One assessment with its scores; null when there is none. */
  async find(idText: string): Promise<Assessment | null> {
    const id = this.assessmentNumber(idText);
    return this.db.transaction(async (tx) => {
      const assessment = await tx.findOneBy(Assessment, { id });
      return assessment ? (await this.withScores(tx, [assessment]))[0] : null;
    });
  }

  private async get(idText: string): Promise<Assessment> {
    const found = await this.find(idText);
    if (!found) throw new NotFoundError(HALL_ASSESSMENT.noAssessment.with({ id: idText }));
    return found;
  }

  /** Fills the scores and what is computed from them. */
  private async withScores(tx: EntityManager, list: Assessment[]): Promise<Assessment[]> {
    if (list.length === 0) return list;
    const scores = await tx.findBy(AssessmentPointScore, { assessmentId: In(list.map((a) => a.id)) });
    const standards = new Map<string, StandardData>();
    for (const version of new Set(list.map((a) => a.standardVersion)))
      standards.set(version, await this.standardData(tx, version));
    for (const a of list) {
      const standard = standards.get(a.standardVersion)!;
      const order = new Map(pointsOf(standard).map((p, i) => [p.code, i]));
      const own = scores
        .filter((s) => s.assessmentId === a.id)
        .map((s) => Object.assign(s, { score: Number(s.score) }))
        .sort((x, y) => (order.get(x.point) ?? 0) - (order.get(y.point) ?? 0));
      const computed = scoreAssessment(standard, new Map(own.map((s) => [s.point, s.score])));
      Object.assign(a, {
        scores: own,
        categories: computed.categories,
        total: computed.total,
        scoredPoints: computed.scoredPoints,
        belowBar: computed.belowBar,
      });
    }
    return list;
  }

  /** The assessments of centres whose period lies within [from, to], with their scores. */
  private async assessmentsWithin(tx: EntityManager, centres: string[], from: string, to: string) {
    if (centres.length === 0) return [];
    const list = await tx
      .getRepository(Assessment)
      .createQueryBuilder("a")
      .where("a.centre IN (:...centres)", { centres })
      .andWhere("a.period_from >= :from AND a.period_to <= :to", { from, to })
      .orderBy("a.id", "ASC")
      .getMany();
    return this.withScores(tx, list);
  }

  private static scoresOf(a: Assessment): AssessmentScores {
    return { categories: a.categories, total: a.total, scoredPoints: a.scoredPoints, belowBar: a.belowBar };
  }

  /** A centre's assessments of a period: its own and every shorter one within it. */
  async list(centre: string, periodText: string): Promise<Assessment[]> {
    const period = parsePeriod(periodText, null);
    return this.db.transaction(async (tx) => {
      const code = (await requireCentre(tx, centre)).code;
      return this.assessmentsWithin(tx, [code], period.from, period.to);
    });
  }

  /**
   * A centre's report for a period: the completed assessments whose period lies within it (a
   * month's patrols and bulletin within its quarter, and so on), their mean scores by category
   * and in total, and the ledger items the period's assessments opened that are still open.
   */
  async report(centre: string, periodText: string, kind: AssessmentKind | null): Promise<AssessmentReport> {
    const period = parsePeriod(periodText, null);
    return this.db.transaction(async (tx) => {
      const code = (await requireCentre(tx, centre)).code;
      const all = (await this.assessmentsWithin(tx, [code], period.from, period.to)).filter(
        (a) => !kind || a.kind === kind,
      );
      const completed = all.filter((a) => a.status === AssessmentStatus.COMPLETED);
      const means = meanScores(completed.map(AssessmentService.scoresOf));
      const openRectifications =
        all.length === 0
          ? []
          : await tx.find(HallRectification, {
              where: {
                source: RectificationSource.ASSESSMENT,
                status: RectificationStatus.OPEN,
                assessmentId: In(all.map((a) => a.id)),
              },
              order: { deadline: "ASC", id: "ASC" },
            });
      return {
        centre: code,
        period: period.period,
        from: period.from,
        to: period.to,
        completed: completed.length,
        open: all.length - completed.length,
        total: means.total,
        categories: means.categories,
        belowBar: all.reduce((s, a) => s + a.belowBar, 0),
        openRectifications,
      };
    });
  }

  /** The centres at a level ranked by the mean total of their completed assessments in the period. */
  async ranking(level: CentreLevel, periodText: string, kind: AssessmentKind | null): Promise<AssessmentRankingRow[]> {
    const period = parsePeriod(periodText, null);
    return this.db.transaction(async (tx) => {
      const centres = await centresAtLevel(tx, level);
      const completed = (
        await this.assessmentsWithin(
          tx,
          centres.map((c) => c.code),
          period.from,
          period.to,
        )
      ).filter((a) => a.status === AssessmentStatus.COMPLETED && (!kind || a.kind === kind));
      return rankCentres(
        centres.map((c) => {
          const own = completed.filter((a) => a.centre === c.code);
          return {
            centre: c.code,
            name: c.name,
            completed: own.length,
            total: meanScores(own.map(AssessmentService.scoresOf)).total,
          };
        }),
      );
    });
  }
}

/**
 * Places centres by total, best first, equal totals sharing a place (1, 2, 2, 4); centres without
 * a total come last, unplaced, by code.
 */
export function rankCentres(rows: Omit<AssessmentRankingRow, "rank">[]): AssessmentRankingRow[] {
  const scored = rows
    .filter((r) => r.total !== null)
    .sort((a, b) => b.total! - a.total! || a.centre.localeCompare(b.centre));
  const unscored = rows.filter((r) => r.total === null).sort((a, b) => a.centre.localeCompare(b.centre));
  return [
    ...scored.map((r, i) => ({
      ...r,
      rank: scored.findIndex((s) => s.total === r.total) + 1 || i + 1,
    })),
    ...unscored.map((r) => ({ ...r, rank: null })),
  ];
}
