import type { RequestContext } from "@onewindow/shared";
import { loaders } from "../loaders";
import type { Services } from "../services";

/** Resolves `Case` representations from the gateway, every one of a request in one query. */
export function caseReference(s: Services) {
  return {
    __resolveReference: (ref: { id: string | number }, ctx: RequestContext) => {
      const id = Number(ref.id);
      return Number.isInteger(id) && id > 0 ? loaders.hallCase(ctx, s).load(id) : null;
    },
  };
}
