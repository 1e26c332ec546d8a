import type { EntityManager } from "typeorm";
import { SeededRandom } from "@onewindow/platform";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import { CommitmentReview, StaffCommitment, WindowStaff } from "../staff/staff.entity";
import { WindowStaffBadge } from "../staff/staff.enums";
import { KAIXUAN } from "./kaixuan.figures";

/*
 * The people at 凯旋街道综合服务中心's 22 windows in the demo: one per window, names generated
 * (no real person's), some posts with the honours the centre's report names (党员先锋岗,
 * 巾帼文明岗, 青年文明号), each with the duties of their line and the centre's commitments.
 */

const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
  "沈",
  "钱",
];
const GIVEN = [
  "丽",
  "敏",
  "静",
  "伟",
  "芳",
  "婷",
  "磊",
  "洁",
  "强",
  "燕",
  "军",
  "红",
  "华",
  "慧",
  "斌",
  "琳",
  "杰",
  "萍",
  "涛",
  "霞",
  "明",
  "娟",
];

/** The demo staff number of a Kaixuan window: KX01 … KX22. */
export const kaixuanStaffNumber = (window: string) => `KX${window}`;

const DUTIES: Record<HallDepartment, string[]> = {
  [HallDepartment.LABOR_SECURITY]: ["社会保险参保登记、缴费基数核定", "劳动保障政策咨询"],
  [HallDepartment.MEDICAL_INSURANCE]: ["医疗保险参保登记、转移接续", "医保待遇申报受理"],
  [HallDepartment.UNEMPLOYMENT]: ["失业登记、失业保险金申领受理", "再就业政策咨询"],
  [HallDepartment.EMPLOYMENT_ASSISTANCE]: ["就业援助对象认定", "职业介绍与培训报名"],
  [HallDepartment.ENTERPRISE_RETIREES]: ["企业退休人员社会化管理服务", "退休审批材料受理"],
  [HallDepartment.TAX]: ["纳税申报受理", "税收政策咨询"],
} as Record<HallDepartment, string[]>;

/** The centre's commitments every window makes public (亮承诺). */
const COMMITMENTS = ["首问负责，一次性告知，不让群众跑第二趟", "按时办结，超时默认，办结即时告知"];

/** Posts carrying an honour: the window and its badge (Party badges go to Party members). */
const HONOURS: Record<string, WindowStaffBadge[]> = {
  "01": [WindowStaffBadge.PARTY_VANGUARD_POST],
  "07": [WindowStaffBadge.PARTY_VANGUARD_POST, WindowStaffBadge.WOMEN_CIVILISED_POST],
  "11": [WindowStaffBadge.WOMEN_CIVILISED_POST],
  "14": [WindowStaffBadge.PARTY_VANGUARD_POST],
  "17": [WindowStaffBadge.WOMEN_CIVILISED_POST],
  "20": [WindowStaffBadge.YOUTH_CIVILISED_POST],
};

/** The demo staff records, one per window (deterministic: the same names on every run). */
export function kaixuanStaff(recordedAt: string): WindowStaff[] {
  const rng = new SeededRandom(20_081_001);
  const surnames = rng.permutation(SURNAMES.length);
  return KAIXUAN.windows.map(({ window, department }, i) => {
    const badges = HONOURS[window] ?? [];
    const partyMember = badges.includes(WindowStaffBadge.PARTY_VANGUARD_POST) || i % 3 === 0;
    const given = GIVEN[rng.int(0, GIVEN.length - 1)] + (i % 2 === 0 ? GIVEN[rng.int(0, GIVEN.length - 1)] : "");
    return Object.assign(new WindowStaff(), {
      staffNumber: kaixuanStaffNumber(window),
      name: SURNAMES[surnames[i % SURNAMES.length]] + given,
      centre: HOME_CENTRE,
      window,
      partyMember,
      badges,
      duties: DUTIES[department],
      recordedAt,
    });
  });
}

/**
 * Writes the staff records (those not there already), with the centre's commitments from the
 * period's first day, each reviewed at the year ends of the period as kept (践诺评诺).
 */
export async function writeKaixuanStaff(tx: EntityManager): Promise<number> {
  let written = 0;
  for (const staff of kaixuanStaff(`${KAIXUAN.from}T08:30:00.000+08:00`)) {
    if (await tx.findOneBy(WindowStaff, { staffNumber: staff.staffNumber })) continue;
    await tx.save(staff);
    written++;
    for (const text of COMMITMENTS) {
      const commitment = await tx.save(
        tx.create(StaffCommitment, { staffNumber: staff.staffNumber, text, madeOn: KAIXUAN.from }),
      );
      for (const year of ["2008", "2009", "2010"])
        await tx.insert(CommitmentReview, {
          commitmentId: commitment.id,
          kept: true,
          reviewer: "中心主任",
          note: null,
          reviewedOn: `${year}-12-31`,
        });
    }
  }
  return written;
}
