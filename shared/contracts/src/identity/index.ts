/**
 * The checks of the two national identifiers, with what is wrong in Chinese and English: the
 * departments validate with them and the pages check as a clerk types.
 */
export { checkIdNumber, type IdDocumentKind, type IdNumberInfo } from "./id-number";
export { checkCreditCode } from "./credit-code";
export { isValidDate } from "./calendar-date";
export { IDENTITY } from "./identity.messages";
