import type { LocalizedText } from "@onewindow/contracts/i18n";
import { GraphQLError } from "graphql";

/** The `extensions.code` of each abuse limit, as clients see them. */
export type LimitCode =
  "QUERY_TOO_DEEP" | "TOO_MANY_ALIASES" | "QUERY_TOO_COSTLY" | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE";

/**
 * A request refused by an abuse limit. A GraphQLError (so `formatErrorFor` passes it through
 * with its code) that Apollo Server answers with HTTP 400: the client must change the query,
 * retrying it as it is will never work.
 */
export function limitExceeded(code: LimitCode, text: LocalizedText): GraphQLError {
  return new GraphQLError(text.en, { extensions: { code, localizedMessage: text.zh, http: { status: 400 } } });
}
