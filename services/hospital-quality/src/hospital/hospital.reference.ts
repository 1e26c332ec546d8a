import type { RequestContext } from "@onewindow/platform";
import { loaders } from "../loaders";
import type { Services } from "../services";

/** Resolves `Hospital` representations from other subgraphs (insurance claims), one query per batch. */
export function hospitalReference(s: Services) {
  return {
    __resolveReference: (ref: { code: string }, ctx: RequestContext) => loaders.hospital(ctx, s).load(ref.code),
  };
}
