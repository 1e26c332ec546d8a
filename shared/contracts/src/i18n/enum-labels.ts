/**
 * The Chinese label of every enum value in the API, by enum type name: the pages show these
 * instead of the values, and each department's schema puts them first in the values'
 * descriptions. A test fails when an enum value of the supergraph has none.
 */
export const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CaseStatus: { OPEN: "办理中", COMPLETED: "已办结" },
};

/** The Chinese label of an enum value, or the value itself when the catalogue has none. */
export function enumLabel(enumName: string, value: string): string {
  return ENUM_LABELS[enumName]?.[value] ?? value;
}
