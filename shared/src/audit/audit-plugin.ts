import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { RequestContext } from "../context";
import type { AuditTrail } from "./audit-trail";

/**
 * Writes the request's reads of personal data to the audit trail before the response leaves:
 * data whose read could not be recorded is not sent.
 */
export function auditPlugin(trail: AuditTrail): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, logger }) {
          const records = contextValue.access.records();
          if (records.length === 0 || response.body.kind !== "single") return;
          try {
            await trail.append(records);
          } catch (err) {
            logger.error(`audit trail write failed: ${(err as Error).message}`);
            const error = new GraphQLError("the read could not be recorded in the audit trail, so no data is returned", { extensions: { code: "SERVICE_UNAVAILABLE" } });
            response.body.singleResult = { errors: [error.toJSON()] };
          }
        },
      };
    },
  };
}
