import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { WindowStaffBadge } from "./staff.enums";

@InputType({ description: "A window staff member's record; recording an existing staff number replaces it." })
export class RecordWindowStaffInput {
  @Field({ description: "Staff number (工号): the subject of their sign-in token; 1–20 letters, digits, - or _." })
  staffNumber: string;

  @Field({ description: "Name, as on the window's sign." })
  name: string;

  @Field({ description: "Code of the centre they work at, e.g. KAIXUAN." })
  centre: string;

  @Field({ description: "The window they are posted at." })
  window: string;

  @Field({ description: "True for a member of the Communist Party of China; Party badges require it." })
  partyMember: boolean;

  @Field(() => [WindowStaffBadge], { nullable: true, description: "The honours their post carries; default none." })
  badges?: WindowStaffBadge[] | null;

  @Field(() => [String], { nullable: true, description: "Public duties (亮职责), at most 10; default none." })
  duties?: string[] | null;
}

@InputType({ description: "A public service commitment (亮承诺) of a staff member." })
export class RecordCommitmentInput {
  @Field({ description: "Staff number." })
  staffNumber: string;

  @Field({ description: "What they commit to, at most 200 characters." })
  text: string;

  @Field(() => DateScalar, { nullable: true, description: "Day made public; default today." })
  madeOn?: string | null;
}

@InputType({ description: "A review of a commitment (践诺评诺)." })
export class ReviewCommitmentInput {
  @Field(() => ID, { description: "The commitment." })
  commitmentId: string;

  @Field({ description: "True when it was kept." })
  kept: boolean;

  @Field({ description: "Who reviewed it, as written: the centre's leader, a peer, a citizens' panel." })
  reviewer: string;

  @Field(() => String, { nullable: true, description: "A note on the finding." })
  note?: string | null;
}
