import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";
import { actRecords, rootActs, writeWithoutPurpose, type RootAct, type SelfServiceActs } from "./acts";
import type { AuditRead, AuditTrail } from "./audit-trail";
import { RefusalTally } from "./refusal-tally";
import { OneWindowError } from "../errors";
import { PLATFORM } from "../messages";

/**
 * Refusals go to the trail through a {@link RefusalTally}: the first of each kind (caller, act,
 * person, code) in a minute at once, repeats as one row with their count, so that a flood of
 * refused requests cannot flood the trail.
 */
export function refusalRecorder(trail: AuditTrail, logger: Logger): RefusalTally<AuditRead> {
  // Fire and forget: a refusal is answered at once; a failed write is logged, never thrown.
  const write = (record: AuditRead): void => {
    trail
      .append([record])
      .catch((err: Error) =>
        logger.error({ err, refusal: record }, `audit trail write of a refusal failed: ${err.message}`),
      );
  };
  return new RefusalTally<AuditRead>(write, ({ first, more, since }) =>
    write({ ...first, reason: `${first.reason ?? ""} (${more} more like it since ${since})`.slice(0, 500) }),
  );
}

/** The key under which repeats of a refusal are counted together. */
export const refusalKey = (r: AuditRead) =>
  [r.userId, r.roles.join(","), r.fields.join(","), r.idNumber, r.reason?.split(":")[0]].join("|");

/**
 * Puts every act of a request on the audit trail before the response leaves: its reads of
 * personal data (data whose read could not be recorded is not sent), each mutation whatever it
 * selects, and each refusal. A mutation that names a person without a purpose is refused before
 * anything runs.
 */
export function auditPlugin(
  trail: AuditTrail,
  department: string,
  refusals: RefusalTally<AuditRead>,
  selfService?: SelfServiceActs,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let acts: RootAct[] = [];
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d]] : [])),
          );
          acts = rootActs(operation, fragments, request.variables ?? {});
          const refused = writeWithoutPurpose(contextValue, operation, acts, selfService);
          if (refused) throw refused;
        },
        async willSendResponse({ contextValue, response, logger, operation, errors }) {
          if (response.body.kind !== "single") return;
          const records = actRecords(
            contextValue,
            department,
            operation,
            acts,
            errors ?? [],
            contextValue.access.records(),
          );
          const refused = records.filter((r) => r.outcome === "refused");
          for (const r of refused) refusals.record(refusalKey(r), r);
          const served = records.filter((r) => r.outcome !== "refused");
          if (served.length === 0) return;
          try {
            await trail.append(served);
          } catch (err) {
            logger.error(`audit trail write failed: ${(err as Error).message}`);
            const error = new OneWindowError("SERVICE_UNAVAILABLE", PLATFORM.auditWriteFailed);
            response.body.singleResult = { errors: [error.toJSON()] };
          }
        },
      };
    },
  };
}
