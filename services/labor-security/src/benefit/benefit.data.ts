/*
 * The rules of unemployment benefit (失业保险金) that do not change by local notice, with their
 * sources. The monthly amount, which a province sets by notice, is data: the table
 * `unemployment_benefit_level` (seeded from {@link BENEFIT_LEVEL_SEED}, changed by the audited
 * `updateUnemploymentBenefitLevel`).
 */

/** 《失业保险条例》(国务院令第258号) 第十四条: the three conditions for receiving benefit. */
export const ELIGIBILITY_SOURCE = "《失业保险条例》（国务院令第258号）第十四条";

/** 《失业保险条例》第十七条: the longest period of benefit by cumulative insured time. */
export const ENTITLEMENT_SOURCE = "《失业保险条例》（国务院令第258号）第十七条";

/**
 * The longest period of benefit, in months, for a cumulative insured time in whole months
 * (条例 第十七条): at least 1 year and under 5 — 12 months; 5 to under 10 years — 18; 10 years
 * or more — 24. Under one year: none (第十四条第（一）项).
 */
export function entitlementMonths(insuredMonths: number): number {
  if (insuredMonths < 12) return 0;
  if (insuredMonths < 60) return 12;
  if (insuredMonths < 120) return 18;
  return 24;
}

/**
 * Words of a registration's reason that say the person left of their own will (本人意愿): they
 * are checked first, so "本人提出解除劳动合同" is voluntary though it says 解除.
 * 《失业保险金申领发放办法》(劳动和社会保障部令第8号) 第四条 lists the involuntary cases; leaving
 * of one's own accord is not among them.
 */
export const VOLUNTARY_REASON_WORDS = ["辞职", "本人提出", "个人原因", "主动离职", "自愿离职", "自动离职"] as const;

/**
 * Words that name an involuntary end of work (非因本人意愿中断就业), after 《失业保险金申领发放办法》
 * 第四条: the contract ended at its term (劳动合同期满终止), the employer ended it or dismissed the
 * person (用人单位解除、辞退、除名、开除), the employer closed or went bankrupt, or the worker ended
 * it because of the employer's breach (劳动合同法 第三十八条).
 */
export const INVOLUNTARY_REASON_WORDS = [
  "期满",
  "终止",
  "解除",
  "辞退",
  "裁员",
  "除名",
  "开除",
  "破产",
  "关闭",
  "撤销",
  "第三十八条",
  "未及时足额支付",
] as const;

/**
 * Whether a registration's reason is an involuntary loss of work: true, false (voluntary), or
 * null when nothing recorded decides it (no reason, or words of neither list).
 */
export function involuntaryLoss(reason: string | null): boolean | null {
  if (!reason) return null;
  if (VOLUNTARY_REASON_WORDS.some((w) => reason.includes(w))) return false;
  if (INVOLUNTARY_REASON_WORDS.some((w) => reason.includes(w))) return true;
  return null;
}

/** A seeded row of `unemployment_benefit_level`. */
export interface BenefitLevelRow {
  code: string;
  name: string;
  monthlyAmountFen: number;
  source: string;
}

/**
 * The level the migration seeds. 条例 第十八条: the amount lies below the local minimum wage and
 * above the local minimum living allowance, set by the province; Zhejiang sets it as a share of the
 * local minimum monthly wage. The seeded figure is 90 % (人社部发〔2017〕71号 guides provinces to
 * raise it to 90 %) of Hangzhou's urban first-tier minimum monthly wage of 2,490 yuan: the officer
 * replaces it with the current notice's figure by `updateUnemploymentBenefitLevel`, which records
 * the notice as `source`.
 */
export const BENEFIT_LEVEL_SEED: readonly BenefitLevelRow[] = [
  {
    code: "HANGZHOU",
    name: "杭州市区",
    monthlyAmountFen: 224_100,
    source:
      "《失业保险条例》第十八条（低于当地最低工资标准、高于城市居民最低生活保障标准，由省级人民政府确定）；浙江省按当地最低月工资标准的一定比例确定；人社部发〔2017〕71号（逐步提高至最低工资标准的90%）；按杭州市区最低月工资标准2490元的90%计，以现行通知为准",
  },
];
