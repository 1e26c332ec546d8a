import type { RequestContext } from "@onewindow/platform";
import { loaders } from "../loaders";
import type { Services } from "../services";

/** Resolves `Employer` representations from other subgraphs, one query per batch. */
export function employerReference(s: Services) {
  return {
    __resolveReference: (ref: { creditCode: string }, ctx: RequestContext) =>
      loaders.employer(ctx, s).load(ref.creditCode),
  };
}
