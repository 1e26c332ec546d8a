import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "A request to open one hospital's prescriber statistics for one period." })
export class RequestPrescriberStatsAccessInput {
  @Field(() => ID, { description: "Code of a registered hospital." })
  hospitalCode: string;

  @Field(() => DateScalar, { description: "First day of the period; not in the future." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period; not before from and not in the future." })
  to: string;

  @Field({ description: "Why the statistics are needed (at most 500 characters); written to the audit trail." })
  reason: string;
}

@InputType({ description: "A grant to approve or revoke." })
export class PrescriberStatsGrantInput {
  @Field(() => ID, { description: "The grant's id." })
  grantId: string;
}
