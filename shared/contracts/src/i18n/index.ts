/**
 * Chinese first, English on request: message catalogues, the labels of error codes and enum
 * values, and the choice of language from `Accept-Language`. Plain functions and data: the
 * pages bundle this entry too.
 */
export {
  defineMessages,
  catalogueEntries,
  fillPlaceholders,
  placeholdersOf,
  preferredLanguage,
  type Language,
  type LocalizedText,
  type Message,
  type MessageParams,
  type MessageTexts,
} from "./message";
export { ERROR_CODE_LABELS, errorCodeLabel } from "./error-labels";
export { ENUM_LABELS, ENUM_NAMES, DEPARTMENT_LABELS, ROLE_LABELS, enumLabel } from "./enum-labels";
export { departmentPart, enumPart, joinTexts, listText, type TextPart } from "./text-parts";
