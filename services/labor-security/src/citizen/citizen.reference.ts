import type { RequestContext } from "@onewindow/shared";
import { loaders } from "../loaders";
import type { Services } from "../services";

/** Resolves `Citizen` representations from other subgraphs, one query per batch. */
export function citizenReference(s: Services) {
  return {
    __resolveReference: (ref: { idNumber: string }, ctx: RequestContext) => loaders.citizen(ctx, s).load(ref.idNumber),
  };
}
