import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { FollowUp } from "./follow-up.entity";
import { RecordFollowUpInput } from "./follow-up.inputs";

@Resolver(() => FollowUp)
export class FollowUpResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => FollowUp, { description: "Records a follow-up call to a discharged patient. BAD_USER_INPUT for an unknown stay or a call before the discharge." })
  recordFollowUp(@Arg("input", () => RecordFollowUpInput, { description: "The call." }) input: RecordFollowUpInput) {
    return this.s.followUps.record(input);
  }
}
