import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageArgs, pageRequest, type RequestContext } from "@onewindow/shared";
import { CaseConnection } from "../case/case.resolver";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Citizen } from "./citizen.stub";

/** The hall's field on `Citizen`, batched across every citizen in the request. */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => CaseConnection, { description: "Cases handled for the citizen at the service hall, newest first." })
  cases(@Root() citizen: Citizen, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: RequestContext) {
    return loaders.casePage(ctx, this.s, pageRequest(first, after)).load(citizen.idNumber);
  }
}
