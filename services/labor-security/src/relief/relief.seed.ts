import type { DataSource } from "typeorm";
import { demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import { ReliefCampaign, ReliefGrant, ReliefHardshipFlag } from "./relief.entity";
import { ReliefGround, ReliefSeason } from "./relief.enums";

/** Each season's campaign in the demo: its budget, the day it hands out, and its grants by pension. */
const DEMO_SEASONS = [
  // 冬送温暖: before the Spring Festival.
  { season: ReliefSeason.WINTER, label: "冬送温暖", budgetFen: 8_700_000, day: "01-20", grantFen: [80_000, 50_000] },
  // 夏送清凉: in the heat of July.
  { season: ReliefSeason.SUMMER, label: "夏送清凉", budgetFen: 6_800_000, day: "07-15", grantFen: [50_000, 30_000] },
] as const;

/** Retirees with a monthly pension below this are eligible in every demo campaign. */
const DEMO_THRESHOLD_FEN = 400_000;
/** Below this, the larger grant. */
const DEMO_LOW_PENSION_FEN = 250_000;

/**
 * The demo street's relief for retirees in hardship: a winter and a summer campaign in each of the
 * three years before `today`, each granting to the eligible retirees of the demo population (a
 * pension below the threshold, or flagged by the community; the lowest pensions first) until its
 * budget is spent. The total is whatever these rows add up to: at the demo size (5,000 residents)
 * it is more than 460,000 yuan and less than 470,000 (46万余元), as the street reports for three years.
 */
export async function seedReliefDemo(
  db: DataSource,
  options: DemoPopulation & { onProgress?: SeedProgress },
): Promise<{ campaigns: number; grants: number; amountFen: number }> {
  const { citizens, employers, today } = options;
  const year = Number(today.slice(0, 4));
  const rnd = new SeededRandom(46);
  const retirees: { idNumber: string; pensionFen: number; since: string; flagged: boolean }[] = [];
  for (let i = 0; i < citizens; i++) {
    const p = demoPerson(i, employers, today);
    if (p.status !== "RETIRED") continue;
    // The pension the labor seed records for the same person.
    const pensionFen = Math.round(p.monthlyWage * 0.55) * 100;
    retirees.push({ idNumber: p.idNumber, pensionFen, since: p.since, flagged: rnd.chance(0.03) });
  }
  const flagged = retirees.filter((r) => r.flagged);
  await bulkInsertEntities(
    db,
    ReliefHardshipFlag,
    flagged.length,
    (k) =>
      ({
        idNumber: flagged[k].idNumber,
        reason: "独居、患慢性病，社区报送",
        flaggedOn: `${year - 3}-01-05`,
      }) as ReliefHardshipFlag,
    (done, total) => options.onProgress?.(done, total, "relief hardship flags"),
  );
  const eligible = retirees
    .filter((r) => r.pensionFen < DEMO_THRESHOLD_FEN || r.flagged)
    .sort((a, b) => a.pensionFen - b.pensionFen || a.idNumber.localeCompare(b.idNumber));
  let grants = 0;
  let amountFen = 0;
  let campaigns = 0;
  for (const y of [year - 3, year - 2, year - 1]) {
    for (const s of DEMO_SEASONS) {
      const day = `${y}-${s.day}`;
      const campaign = await db.getRepository(ReliefCampaign).save({
        name: `${y}年${s.label}`,
        season: s.season,
        year: y,
        budgetFen: s.budgetFen,
        pensionThresholdFen: DEMO_THRESHOLD_FEN,
        openedAt: `${y}-${s.day}T01:00:00.000Z`,
      });
      campaigns++;
      const rows: ReliefGrant[] = [];
      let spent = 0;
      for (const r of eligible) {
        if (r.since > day) continue;
        const fen = r.pensionFen < DEMO_LOW_PENSION_FEN ? s.grantFen[0] : s.grantFen[1];
        if (spent + fen > s.budgetFen) continue;
        spent += fen;
        rows.push({
          campaignId: campaign.id,
          idNumber: r.idNumber,
          amountFen: fen,
          ground:
            r.pensionFen < DEMO_THRESHOLD_FEN ? ReliefGround.PENSION_BELOW_THRESHOLD : ReliefGround.COMMUNITY_FLAG,
          grantedOn: day,
        } as ReliefGrant);
      }
      await bulkInsertEntities(
        db,
        ReliefGrant,
        rows.length,
        (k) => rows[k],
        (done, total) => options.onProgress?.(done, total, `relief grants ${campaign.name}`),
      );
      grants += rows.length;
      amountFen += spent;
    }
  }
  return { campaigns, grants, amountFen };
}
