import { personalReference, type RequestContext } from "@onewindow/platform";
import { loaders } from "../loaders";
import type { Services } from "../services";

/**
 * Resolves `Citizen` representations from other subgraphs, one query per batch. A citizen is
 * personal data: reaching one through `_entities` passes our rule and is audited.
 */
export function citizenReference(s: Services) {
  return personalReference(
    (ref: { idNumber: string }) => ref.idNumber,
    (ref, ctx: RequestContext) => loaders.citizen(ctx, s).load(ref.idNumber),
  );
}
