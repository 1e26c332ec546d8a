import { Arg, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Hospital } from "../hospital/hospital.stub";
import type { Services } from "../services";
import { Claim } from "./claim.entity";
import { SubmitClaimInput } from "./claim.inputs";

@Resolver(() => Claim)
export class ClaimResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => Claim, { description: "Submits a claim for a hospital visit. NOT_FOUND when the person has never been enrolled." })
  submitClaim(@Arg("input", () => SubmitClaimInput) input: SubmitClaimInput): Promise<Claim> {
    return this.s.claims.submit(input);
  }

  @FieldResolver(() => Hospital, { description: "The hospital the visit was at (its name comes from hospital quality)." })
  hospital(@Root() claim: Claim): Hospital {
    return Object.assign(new Hospital(), { code: claim.hospitalCode });
  }
}
