import { idNumberCheckCharacter } from "../demo/identifiers";
import type { LocalizedText } from "../i18n/message";
import { IDENTITY } from "./identity.messages";
import { isValidDate } from "./calendar-date";

/**
 * Which document an 18-character identity number belongs to; all three share the structure and
 * the check character of GB 11643-1999.
 * - `RESIDENT`: a citizen's resident ID number (公民身份号码), region code of GB/T 2260.
 * - `HMT_RESIDENCE_PERMIT`: a Hong Kong, Macao or Taiwan resident's residence permit
 *   (港澳台居民居住证, 国办发〔2018〕81号《港澳台居民居住证申领发放办法》): region code 810000
 *   (Hong Kong), 820000 (Macao) or 830000 (Taiwan).
 * - `FOREIGN_PERMANENT_RESIDENT`: the foreigner's permanent residence ID card, 2023 version
 *   (外国人永久居留身份证, issued by the National Immigration Administration, 国家移民管理局,
 *   from 2023-12-01): first digit 9, then the 2-digit province code of the accepting office, a
 *   3-digit nationality code, the birth date, a sequence whose last digit is odd for men, and the
 *   GB 11643 (ISO 7064 MOD 11-2) check character.
 */
export type IdDocumentKind = "RESIDENT" | "HMT_RESIDENCE_PERMIT" | "FOREIGN_PERMANENT_RESIDENT";

/** What a valid identity number says about its holder. */
export interface IdNumberInfo {
  idNumber: string;
  /**
   * The first six digits: the administrative division code of the place of first registration
   * (resident ID), 810000/820000/830000 (residence permit), or 9 + province of the accepting
   * office + nationality code (foreigner's permanent residence card).
   */
  region: string;
  /** The document the number belongs to. */
  kind: IdDocumentKind;
  birthDate: string;
  gender: "MALE" | "FEMALE";
}

// First two digits: provinces, autonomous regions and municipalities (GB/T 2260), plus 71 (Taiwan in GB/T 2260).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71,
]);
// Residence permits of Hong Kong, Macao and Taiwan residents: the whole 6-digit code is fixed.
const HMT_REGIONS = new Set(["810000", "820000", "830000"]);

/** The document an 18-character number's first digits name, or what is wrong with them. */
function documentOf(id: string): { problem: LocalizedText } | { kind: IdDocumentKind } {
  if (id[0] === "9") {
    // The accepting office's province; the nationality code (GB/T 2659 numeric) is not checked
    // against a list, which changes with the world.
    if (!PROVINCES.has(Number(id.slice(1, 3))) || id.slice(1, 3) === "71") {
      return { problem: IDENTITY.foreignProvince.with({ prefix: id.slice(0, 6), province: id.slice(1, 3) }) };
    }
    return { kind: "FOREIGN_PERMANENT_RESIDENT" };
  }
  if (id[0] === "8") {
    if (!HMT_REGIONS.has(id.slice(0, 6))) {
      return { problem: IDENTITY.permitRegion.with({ region: id.slice(0, 6) }) };
    }
    return { kind: "HMT_RESIDENCE_PERMIT" };
  }
  if (!PROVINCES.has(Number(id.slice(0, 2))))
    return { problem: IDENTITY.unknownProvince.with({ region: id.slice(0, 6) }) };
  return { kind: "RESIDENT" };
}

/**
 * Checks an 18-character identity number (GB 11643-1999: a resident ID number, a Hong Kong,
 * Macao or Taiwan resident's residence permit number, or a 2023 foreigner's permanent residence
 * card number; see {@link IdDocumentKind}) and returns what is wrong with it, in words a clerk
 * can act on, or the facts it encodes.
 */
export function checkIdNumber(value: string, today = new Date()): { problem: LocalizedText } | IdNumberInfo {
  const id = value.trim().toUpperCase();
  if (id.length !== 18) return { problem: IDENTITY.idLength.with({ length: id.length }) };
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { problem: IDENTITY.idDigits };
  }
  const document = documentOf(id);
  if ("problem" in document) return document;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birthDate)) return { problem: IDENTITY.birthDateMissing.with({ birthDate }) };
  if (birthDate < "1900-01-01") return { problem: IDENTITY.birthDateEarly.with({ birthDate }) };
  if (birthDate > today.toISOString().slice(0, 10)) return { problem: IDENTITY.birthDateFuture.with({ birthDate }) };
  const expected = idNumberCheckCharacter(id);
  if (id[17] !== expected) return { problem: IDENTITY.idCheckCharacter.with({ expected, got: id[17]! }) };
  return {
    idNumber: id,
    region: id.slice(0, 6),
    kind: document.kind,
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? "MALE" : "FEMALE",
  };
}
