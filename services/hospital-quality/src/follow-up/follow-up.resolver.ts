import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "@onewindow/platform";
import { RECORD_WRITERS, requireHospitalScope } from "../access";
import { HOSPITAL_ACT } from "../messages";
import type { Services } from "../services";
import { FollowUp } from "./follow-up.entity";
import { RecordFollowUpInput } from "./follow-up.inputs";

@Resolver(() => FollowUp)
export class FollowUpResolver {
  constructor(private readonly s: Services) {}

  @Authorized(...RECORD_WRITERS)
  @Mutation(() => FollowUp, {
    description:
      "Records a follow-up call to a discharged patient: the stay's hospital's administrator. BAD_USER_INPUT for an unknown stay or a call before the discharge.",
  })
  recordFollowUp(
    @Arg("input", () => RecordFollowUpInput, { description: "The call." }) input: RecordFollowUpInput,
    @Ctx() ctx: RequestContext,
  ) {
    // The hospital is the stay's: checked inside the record's transaction, before anything is written.
    return this.s.followUps.record(input, (hospitalCode) =>
      requireHospitalScope(ctx.caller, hospitalCode, RECORD_WRITERS, HOSPITAL_ACT.recordFollowUps),
    );
  }
}
