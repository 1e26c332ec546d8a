import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { INSURANCE_RECORD_READERS, INSURANCE_WRITERS } from "../access";
import { Hospital } from "../hospital/hospital.stub";
import type { Services } from "../services";
import { Claim } from "./claim.entity";
import { SubmitClaimInput } from "./claim.inputs";

@Resolver(() => Claim)
export class ClaimResolver {
  constructor(private readonly s: Services) {}

  @Authorized(INSURANCE_WRITERS)
  @Mutation(() => Claim, {
    description: "Submits a claim for a hospital visit. NOT_FOUND when the person has never been enrolled.",
  })
  submitClaim(
    @Arg("input", () => SubmitClaimInput) input: SubmitClaimInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Claim> {
    ctx.access.readBeforeWrite(input.idNumber, info, "Claim");
    return this.s.claims.submit(input);
  }

  @Authorized(INSURANCE_RECORD_READERS)
  @FieldResolver(() => Hospital, {
    description: "The hospital the visit was at (its name comes from hospital quality).",
  })
  hospital(@Root() claim: Claim): Hospital {
    return Object.assign(new Hospital(), { code: claim.hospitalCode });
  }
}
