import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { connectionType, PageArgs, pageRequest, type RequestContext } from "@onewindow/platform";
import { INSURANCE_RECORD_READERS } from "../access";
import { Claim } from "../claim/claim.entity";
import { Enrolment } from "../enrolment/enrolment.entity";
import { loaders } from "../loaders";
import type { Services } from "../services";
import { Citizen } from "./citizen.stub";

export const ClaimConnection = connectionType("Claim", Claim, "claim");

/** Medical insurance's fields on `Citizen`, each batched across every citizen in the request. */
@Resolver(() => Citizen)
export class CitizenResolver {
  constructor(private readonly s: Services) {}

  @Authorized(INSURANCE_RECORD_READERS)
  @FieldResolver(() => Enrolment, {
    nullable: true,
    description: "The current medical insurance enrolment; null when not enrolled.",
  })
  medicalInsurance(@Root() citizen: Citizen, @Ctx() ctx: RequestContext) {
    return loaders.activeEnrolment(ctx, this.s).load(citizen.idNumber);
  }

  @Authorized(INSURANCE_RECORD_READERS)
  @FieldResolver(() => ClaimConnection, { description: "Medical insurance claims, newest visit first." })
  async insuranceClaims(
    @Root() citizen: Citizen,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The read of the person is checked and audited where the citizen is resolved (`_entities`).
    return loaders.claimPage(ctx, this.s, pageRequest(first, after, ctx.cursors.forField(info))).load(citizen.idNumber);
  }
}
