import type { DataSource } from "typeorm";
import { addDays, demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import { OutreachVisit } from "./outreach.entity";
import { OutreachChannel, OutreachKind } from "./outreach.enums";

/** What came of a contact of each kind, as a clerk notes it. */
const OUTCOMES: Record<OutreachKind, string[]> = {
  [OutreachKind.POLICY]: ["已讲解失业保险金和社保补贴政策", "已送达就业援助政策明白纸"],
  [OutreachKind.JOBS]: ["推送岗位 3 个，本人有意向", "推送岗位，本人暂无意向"],
  [OutreachKind.TRAINING]: ["已介绍补贴性培训课程，有意报名", "暂不参加培训"],
  [OutreachKind.SERVICE]: ["反映家庭困难，已转社区跟进", "无新的诉求"],
};

/**
 * The demo street's outreach over the last year: about two in three of the demo population's
 * registered unemployed were contacted one to four times since they registered (never before it),
 * the rest never, so the outreach list has both.
 */
export async function seedOutreachDemo(
  db: DataSource,
  options: DemoPopulation & { onProgress?: SeedProgress },
): Promise<number> {
  const { citizens, employers, today } = options;
  const rnd = new SeededRandom(71);
  const yearAgo = addDays(today, -365);
  return bulkInsertEntities(
    db,
    OutreachVisit,
    citizens,
    (i) => {
      const p = demoPerson(i, employers, today);
      if (p.status !== "UNEMPLOYED" || !rnd.chance(0.65)) return null;
      const from = p.since > yearAgo ? p.since : yearAgo;
      const span = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000);
      return Array.from({ length: rnd.int(1, 4) }, () => {
        const kind = rnd.pick(Object.values(OutreachKind));
        return {
          idNumber: p.idNumber,
          kind,
          channel: rnd.pick(Object.values(OutreachChannel)),
          outcome: rnd.pick(OUTCOMES[kind]),
          note: null,
          visitedOn: addDays(from, rnd.int(0, span)),
          community: p.community,
        } as OutreachVisit;
      });
    },
    (done, total) => options.onProgress?.(done, total, "outreach visits"),
  );
}
