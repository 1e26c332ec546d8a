import { EnterpriseServiceKind } from "../enterprise/enterprise.enums";

/**
 * 物产大厦楼宇服务站 as the street's work report quotes it: labor, social security and labor
 * inspection serve the building's companies "三位一体", with 书面审查和服务联系卡120份,
 * 宣传420次, 代理服务115件, plus job placement and training ("六进服务").
 *
 * The report names no period: the demo puts the records in 2010, the year the Kaixuan centre's
 * figures run up to (kaixuan.figures.ts). It gives written reviews and contact cards as one figure
 * (120); the split 48 + 72 is the demo's own. It names placement and training without figures, so
 * the demo records none of them.
 */
export const WUCHAN = {
  station: { code: "WUCHAN", name: "物产大厦楼宇服务站" },
  building: {
    name: "物产大厦",
    // Not from the source texts: a demo address, to be replaced by the real one.
    address: "杭州市江干区凯旋街道（演示地址）",
  },
  from: "2010-01-01",
  to: "2010-12-31",
  /** Companies in the building (demo employers of labor security, the first ones of the demo population). */
  companies: 24,
  /** 书面审查和服务联系卡 120 (together). */
  writtenReviewsAndContactCards: 120,
  services: [
    { kind: EnterpriseServiceKind.COMPLIANCE_REVIEW, count: 48 },
    { kind: EnterpriseServiceKind.CONTACT_CARD, count: 72 },
    { kind: EnterpriseServiceKind.PUBLICITY, count: 420 },
    { kind: EnterpriseServiceKind.PROXY, count: 115 },
  ],
  /**
   * The station's workers, one from each of labor, social security and labor inspection
   * ("三位一体"); the names are generated for the demo.
   */
  workers: [
    { staffNumber: "WC0301", name: "沈佳怡", window: "01", duties: ["劳动用工指导", "劳动合同书面审查"] },
    { staffNumber: "WC0302", name: "陆文斌", window: "02", duties: ["社会保险登记代办", "参保政策咨询"] },
    { staffNumber: "WC0303", name: "钟国强", window: "03", duties: ["劳动保障监察", "劳动争议调解"] },
  ],
  notes: {
    COMPLIANCE_REVIEW: ["劳动合同签订情况书面审查", "工资支付情况书面审查", "社会保险参保情况书面审查"],
    CONTACT_CARD: ["发放服务联系卡，告知服务站联系方式"],
    PUBLICITY: ["劳动合同法宣传", "社会保险政策宣传", "就业创业政策宣传", "劳动保障监察宣传"],
    PROXY: ["代办社会保险登记", "代办用工备案", "代办参保人员增减"],
    PLACEMENT: ["职业介绍"],
    TRAINING: ["职业培训"],
  } satisfies Record<EnterpriseServiceKind, readonly string[]>,
} as const;
