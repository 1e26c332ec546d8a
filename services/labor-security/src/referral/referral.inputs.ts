import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { ReferralOutcome } from "./referral.enums";

@InputType({ description: "Sending a job seeker to a posting." })
export class ReferJobInput {
  @Field(() => ID, { description: "The job seeker's resident ID number." })
  idNumber: string;

  @Field(() => ID, { description: "The job posting." })
  postingId: string;

  @Field(() => String, { nullable: true, description: "A note (at most 500 characters)." })
  note?: string | null;
}

@InputType({ description: "What came of a referral." })
export class RecordReferralOutcomeInput {
  @Field(() => ID, { description: "The referral." })
  referralId: string;

  @Field(() => ReferralOutcome, { description: "The outcome; HIRED records the employment." })
  outcome: ReferralOutcome;

  @Field(() => DateScalar, { nullable: true, description: "First day of work: required for HIRED, not in the future." })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: "A note (at most 500 characters)." })
  note?: string | null;
}
