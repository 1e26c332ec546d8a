import type { DataSource, EntityManager } from "typeorm";
import { addDays, bulkInsert, runSql, SeededRandom, type BulkColumn } from "@onewindow/platform";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { CATALOGUE } from "../catalogue/catalogue.data";
import { CaseStatus } from "../case/case.enums";
import { CentreLevel } from "../centre/centre.enums";
import { ServiceCentre } from "../centre/service-centre.entity";
import { AUTO_RECTIFICATION_WORKING_DAYS } from "../evaluation/evaluation.service";
import { HallEvaluationChannel, HallRating } from "../evaluation/evaluation.enums";
import { RectificationSource, RectificationStatus } from "../rectification/rectification.enums";
import { workingDays } from "./hall-generators";
import { KAIXUAN } from "./kaixuan.figures";
import { centresChanged } from "../kpi/kpi.cache";

const { CITY, DISTRICT, STREET, COMMUNITY, BUILDING_STATION } = CentreLevel;

/** A demo centre: code, name, level, parent, district, street. */
type DemoCentre = [string, string, CentreLevel, string | null, string | null, string | null];

const streets = (district: string, parent: string, list: [string, string][]): DemoCentre[] =>
  list.map(([code, street]) => [code, `${street}综合服务中心`, STREET, parent, district, street]);

const stations = (district: string, parent: string, street: string, list: [string, string][]): DemoCentre[] =>
  list.map(([code, community]) => [code, `${community}服务站`, COMMUNITY, parent, district, street]);

/**
 * The demo city: 杭州市, two districts (江干区 with 凯旋街道, 上城区), four street centres in each,
 * community stations under Kaixuan and a few others, and 物产大厦's building station under Kaixuan.
 * The names of streets are real; those of the community stations other than Kaixuan's are the
 * project's own placeholders. KAIXUAN's own row exists from the migrations and is only placed.
 */
export const DEMO_CENTRES: readonly DemoCentre[] = [
  ["HANGZHOU", "杭州市民之家", CITY, null, null, null],
  ["JIANGGAN", "江干区市民之家", DISTRICT, "HANGZHOU", "江干区", null],
  ["SHANGCHENG", "上城区市民之家", DISTRICT, "HANGZHOU", "上城区", null],
  ...streets("江干区", "JIANGGAN", [
    ["KAIXUAN", "凯旋街道"],
    ["CAIHE", "采荷街道"],
    ["ZHANONGKOU", "闸弄口街道"],
    ["SIJIQING", "四季青街道"],
  ]),
  ...streets("上城区", "SHANGCHENG", [
    ["HUBIN", "湖滨街道"],
    ["QINGBO", "清波街道"],
    ["XIAOYING", "小营街道"],
    ["ZIYANG", "紫阳街道"],
  ]),
  ...stations("江干区", "KAIXUAN", "凯旋街道", [
    ["KX_NANXIAOBU", "南肖埠社区"],
    ["KX_JINGFANG", "景芳社区"],
    ["KX_SANLITING", "三里亭社区"],
  ]),
  ["WUCHAN", "物产大厦楼宇服务站", BUILDING_STATION, "KAIXUAN", "江干区", "凯旋街道"],
  ...stations("江干区", "CAIHE", "采荷街道", [
    ["CH_C1", "采荷第一社区"],
    ["CH_C2", "采荷第二社区"],
  ]),
  ...stations("上城区", "HUBIN", "湖滨街道", [
    ["HB_C1", "湖滨第一社区"],
    ["HB_C2", "湖滨第二社区"],
  ]),
  ...stations("上城区", "XIAOYING", "小营街道", [["XY_C1", "小营第一社区"]]),
];

/** Puts the demo centres in place: missing rows inserted, KAIXUAN placed under its district; others left as they are. */
export async function seedDemoCentres(tx: EntityManager): Promise<void> {
  for (const [code, name, level, parentCode, district, street] of DEMO_CENTRES) {
    const existing = await tx.findOneBy(ServiceCentre, { code });
    if (existing) {
      if (existing.parentCode === null && parentCode !== null)
        await tx.update(ServiceCentre, { code }, { parentCode, level, district, street });
      continue;
    }
    await tx.insert(ServiceCentre, { code, name, level, parentCode, district, street, recallWindowMinutes: 30 });
  }
  // The tree changed: KPIs a running hall cached over the old one must go.
  await centresChanged(tx);
}

const col = (name: string, pgType: BulkColumn["pgType"]): BulkColumn => ({ name, pgType });

/**
 * The other demo centres' records over Kaixuan's period, so that a ranking means something:
 * each centre its own volume and its own quality (share on the spot, on time, satisfied, ledger
 * items resolved in time), every case completed, ~6% evaluated, each UNSATISFIED rating with its
 * ledger item. No queue tickets: the rankings here are of cases, evaluations and the ledger.
 * Deterministic. Returns the cases written.
 */
export async function seedOtherCentresRecords(
  db: DataSource,
  calendar: WorkingCalendar,
  people: readonly string[],
): Promise<number> {
  const [existing] = await runSql(db.manager, "SELECT COUNT(*) AS n FROM hall_case WHERE centre <> ?", [KAIXUAN_CODE]);
  if (Number(existing.n) > 0) return 0;
  const rng = new SeededRandom(20_260_518);
  const days = workingDays(KAIXUAN.from, KAIXUAN.to, calendar);
  let written = 0;
  for (const [code, , level] of DEMO_CENTRES) {
    if (code === KAIXUAN_CODE || level === CITY || level === DISTRICT) continue;
    const count = level === STREET ? rng.int(1_500, 3_000) : rng.int(150, 450);
    const quality = {
      onSite: 0.55 + rng.next() * 0.4,
      onTime: 0.9 + rng.next() * 0.099,
      satisfied: 0.88 + rng.next() * 0.115,
      rectifiedInTime: 0.7 + rng.next() * 0.3,
    };
    await db.transaction(async (tx) => {
      const cases = Array.from({ length: count }, () => {
        const item = rng.pick(CATALOGUE);
        const day = rng.pick(days);
        const deadline = calendar.deadline(day, item.timeLimitDays);
        const onSite = item.timeLimitDays === 0 || rng.chance(quality.onSite);
        const completedOn = onSite
          ? day
          : rng.chance(quality.onTime)
            ? addDays(day, rng.int(1, Math.max(1, dayDiff(day, deadline))))
            : addDays(deadline, rng.int(1, 5));
        return {
          idNumber: rng.pick(people),
          item,
          window: String(rng.int(1, level === STREET ? 8 : 2)).padStart(2, "0"),
          day,
          deadline,
          completedOn: onSite && completedOn > deadline ? deadline : completedOn,
        };
      });
      const ids = await bulkInsert(
        tx,
        "hall_case",
        CASE_COLUMNS,
        cases.map((c) => [
          c.idNumber,
          c.item.code,
          c.item.department,
          c.window,
          code,
          CaseStatus.COMPLETED,
          c.day,
          `${c.day}T09:30:00+08:00`,
          c.deadline,
          c.completedOn,
          `${c.completedOn}T16:00:00+08:00`,
        ]),
        true,
      );
      const evaluated = cases.map((c, i) => ({ ...c, id: ids[i] })).filter(() => rng.chance(0.06));
      const ratings = evaluated.map((c) => ({
        ...c,
        rating: rng.chance(quality.satisfied)
          ? rng.chance(0.9)
            ? HallRating.SATISFIED
            : HallRating.BASICALLY_SATISFIED
          : HallRating.UNSATISFIED,
        channel: rng.chance(0.7) ? HallEvaluationChannel.FORM : HallEvaluationChannel.DEVICE,
        evaluatedOn: c.completedOn,
      }));
      const unsatisfied = ratings.filter((r) => r.rating === HallRating.UNSATISFIED);
      const ledgerIds = await bulkInsert(
        tx,
        "hall_rectification",
        LEDGER_COLUMNS,
        unsatisfied.map((r) => {
          const deadline = calendar.deadline(r.evaluatedOn, AUTO_RECTIFICATION_WORKING_DAYS);
          const resolvedOn = rng.chance(quality.rectifiedInTime)
            ? addDays(r.evaluatedOn, rng.int(1, Math.max(1, dayDiff(r.evaluatedOn, deadline))))
            : addDays(deadline, rng.int(1, 10));
          return [
            RectificationSource.EVALUATION,
            `群众不满意评价（${r.window}号窗口，办件${r.id}），待核查整改`,
            r.window,
            code,
            r.evaluatedOn,
            deadline,
            RectificationStatus.RESOLVED,
            resolvedOn,
            "窗口人员业务培训，服务规范再学习",
          ];
        }),
        true,
      );
      const ledgerOf = new Map(unsatisfied.map((r, i) => [r.id, ledgerIds[i]]));
      await bulkInsert(
        tx,
        "hall_evaluation",
        EVALUATION_COLUMNS,
        ratings.map((r) => [
          r.id,
          r.window,
          r.item.department,
          code,
          r.channel,
          r.rating,
          r.evaluatedOn,
          ledgerOf.get(r.id) ?? null,
        ]),
      );
      await tx.query(
        "UPDATE hall_rectification SET evaluation_id = (SELECT e.id FROM hall_evaluation e WHERE e.rectification_id = hall_rectification.id) WHERE source = 'EVALUATION' AND evaluation_id IS NULL",
      );
    });
    written += count;
  }
  return written;
}

const KAIXUAN_CODE = "KAIXUAN";
const dayDiff = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const CASE_COLUMNS = [
  col("id_number", "varchar"),
  col("item_code", "varchar"),
  col("department", "varchar"),
  col("window_code", "varchar"),
  col("centre", "varchar"),
  col("status", "varchar"),
  col("opened_on", "date"),
  col("opened_at", "varchar"),
  col("deadline", "date"),
  col("completed_on", "date"),
  col("completed_at", "varchar"),
];
const LEDGER_COLUMNS = [
  col("source", "varchar"),
  col("description", "varchar"),
  col("window_code", "varchar"),
  col("centre", "varchar"),
  col("opened_on", "date"),
  col("deadline", "date"),
  col("status", "varchar"),
  col("resolved_on", "date"),
  col("action", "varchar"),
];
const EVALUATION_COLUMNS = [
  col("case_id", "integer"),
  col("window_code", "varchar"),
  col("department", "varchar"),
  col("centre", "varchar"),
  col("channel", "varchar"),
  col("rating", "varchar"),
  col("evaluated_on", "date"),
  col("rectification_id", "integer"),
];
