import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { PageArgs, pageRequest, refuse, type RequestContext } from "@onewindow/platform";
import { CASE_READERS } from "../access";
import { CaseConnection } from "../case/case.resolver";
import { loaders } from "../loaders";
import { HALL_ACT } from "../messages";
import type { Services } from "../services";
import { Citizen } from "./citizen.stub";

/** The hall's field on `Citizen`, batched across every citizen in the request. */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @Authorized(CASE_READERS)
  @FieldResolver(() => CaseConnection, {
    description: "Cases handled for the citizen at the service hall, newest first.",
  })
  cases(
    @Root() citizen: Citizen,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // `_entities` has checked the citizen already; `Case.citizen` reaches here without it. Even a
    // count of someone else's cases is theirs (read() alone lets a bare totalCount through).
    if (!ctx.access.maySee(citizen.idNumber)) refuse(ctx.caller, HALL_ACT.readOthersCases);
    ctx.access.listing(info);
    ctx.access.readPage([citizen.idNumber], info, "Case");
    return loaders.casePage(ctx, this.s, pageRequest(first, after, ctx.cursors.forField(info))).load(citizen.idNumber);
  }
}
