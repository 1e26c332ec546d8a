import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "@onewindow/platform";
import { loaders } from "../loaders";
import type { Services } from "../services";

/**
 * Resolves `Case` representations from the gateway, every one of a request in one query. A case
 * is a person's record: reached through `_entities` it is checked and audited like `case(id)`.
 */
export function caseReference(s: Services) {
  return {
    __resolveReference: async (ref: { id: string | number }, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const id = Number(ref.id);
      const found = Number.isInteger(id) && id > 0 ? await loaders.hallCase(ctx, s).load(id) : null;
      if (found) ctx.access.read([found.idNumber], info, "Case");
      return found;
    },
  };
}
