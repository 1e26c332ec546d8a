import { GraphQLScalarType, Kind } from "graphql";
import { isValidDate } from "./dates";
import { OneWindowError } from "./errors";
import { PLATFORM } from "./messages";

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isValidDate(value)) {
    throw new OneWindowError(
      "BAD_USER_INPUT",
      PLATFORM.dateScalar.with({ value: JSON.stringify(value) ?? "undefined" }),
    );
  }
  return value;
}

/**
 * `Date`: a calendar day as YYYY-MM-DD. Kept as a string end to end so no time zone can
 * move a birth date or a discharge date by a day.
 */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date, YYYY-MM-DD (China Standard Time calendar).",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new OneWindowError("BAD_USER_INPUT", PLATFORM.dateScalarNotString);
    return parseDate(ast.value);
  },
});

/** `DateTime`: an instant, ISO 8601 with offset. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant in time, ISO 8601 (e.g. 2026-11-23T09:30:00.000Z).",
  serialize: (value) => new Date(value as string | Date).toISOString(),
  parseValue(value) {
    const d = new Date(value as string);
    if (typeof value !== "string" || Number.isNaN(d.getTime())) {
      throw new OneWindowError(
        "BAD_USER_INPUT",
        PLATFORM.dateTimeScalar.with({ value: JSON.stringify(value) ?? "undefined" }),
      );
    }
    return d;
  },
  parseLiteral(ast) {
    const d = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(NaN);
    if (Number.isNaN(d.getTime())) throw new OneWindowError("BAD_USER_INPUT", PLATFORM.dateTimeScalarNotString);
    return d;
  },
});
