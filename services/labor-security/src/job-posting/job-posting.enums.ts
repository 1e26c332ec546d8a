import { registerEnumType } from "type-graphql";

/**
 * The work the state lists as forbidden to women (女职工劳动保护特别规定, 国务院令第619号, 附录
 * 《女职工禁忌从事的劳动范围》 第一项, for every woman employee, not only in pregnancy or nursing):
 * the only lawful grounds for a posting to ask for men only (就业促进法 第二十七条; 妇女权益保障法
 * 第四十三条). Names and sources in `job-posting.data.ts`.
 */
export enum GenderRequirementGround {
  MINING_UNDERGROUND = "MINING_UNDERGROUND",
  PHYSICAL_LABOR_INTENSITY_LEVEL_4 = "PHYSICAL_LABOR_INTENSITY_LEVEL_4",
  HEAVY_LOAD_BEARING = "HEAVY_LOAD_BEARING",
}
registerEnumType(GenderRequirementGround, {
  name: "GenderRequirementGround",
  description:
    "Work forbidden to women employees (女职工禁忌从事的劳动范围, 国务院令第619号 附录 第一项): the only lawful grounds for a men-only posting.",
  valuesConfig: {
    MINING_UNDERGROUND: { description: "矿山井下作业 (underground mining work), 附录 第一项(一)." },
    PHYSICAL_LABOR_INTENSITY_LEVEL_4: {
      description: "体力劳动强度分级标准中规定的第四级体力劳动强度的作业 (GB 3869 level IV), 附录 第一项(二).",
    },
    HEAVY_LOAD_BEARING: {
      description:
        "每小时负重6次以上、每次负重超过20公斤的作业，或者间断负重、每次负重超过25公斤的作业 (heavy loads), 附录 第一项(三).",
    },
  },
});
