import { defineMessages } from "../i18n/message";

/** What can be wrong with an identity number (GB 11643-1999) or a credit code (GB 32100-2015). */
export const IDENTITY = defineMessages("identity", {
  idLength: { zh: "身份证号码应为 18 位，现为 {length} 位", en: "must be 18 characters, got {length}" },
  idDigits: { zh: "身份证号码应为 17 位数字加 1 位数字或 X", en: "must be 17 digits followed by a digit or X" },
  unknownProvince: {
    zh: "身份证号码地区码 {region} 不是已知的省级行政区",
    en: "region code {region} is not a known province",
  },
  permitRegion: {
    zh: "港澳台居民居住证号码地区码 {region} 应为 810000、820000 或 830000",
    en: "region code {region} is not 810000, 820000 or 830000 (residence permit)",
  },
  foreignProvince: {
    zh: "外国人永久居留身份证号码 {prefix} 中的 {province} 不是省级行政区代码",
    en: "foreign permanent resident number {prefix}: {province} is not a province",
  },
  birthDateMissing: { zh: "出生日期 {birthDate} 不存在", en: "birth date {birthDate} does not exist" },
  birthDateEarly: { zh: "出生日期 {birthDate} 早于 1900 年", en: "birth date {birthDate} is before 1900" },
  birthDateFuture: { zh: "出生日期 {birthDate} 晚于今天", en: "birth date {birthDate} is in the future" },
  idCheckCharacter: {
    zh: "身份证号码校验位应为 {expected}，现为 {got}",
    en: "check character should be {expected}, got {got}",
  },
  creditLength: {
    zh: "统一社会信用代码应为 18 位，现为 {length} 位",
    en: "must be 18 characters, got {length}",
  },
  creditCharacter: {
    zh: "统一社会信用代码第 {position} 位“{character}”不允许（不使用 I、O、S、V、Z）",
    en: 'character {position} "{character}" is not allowed (I, O, S, V and Z are never used)',
  },
  creditRegion: {
    zh: "统一社会信用代码的登记管理机关行政区划码 {region} 应为 6 位数字",
    en: "region code {region} must be 6 digits",
  },
  organizationCheck: {
    zh: "组织机构代码 {organization} 的校验位为 {got}，应为 {expected}",
    en: "organization code {organization} has check character {got}, should be {expected}",
  },
  creditCheckCharacter: {
    zh: "统一社会信用代码校验位应为 {expected}，现为 {got}",
    en: "check character should be {expected}, got {got}",
  },
});
