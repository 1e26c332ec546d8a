import { Field, ID, InputType } from "type-graphql";
import { OutreachChannel, OutreachKind } from "./outreach.enums";

@InputType({ description: "A contact of the centre with a person, recorded on the day." })
export class RecordOutreachVisitInput {
  @Field(() => ID, { description: "The person's resident ID number." })
  idNumber: string;

  @Field(() => OutreachKind, { description: "What the centre brought." })
  kind: OutreachKind;

  @Field(() => OutreachChannel, { description: "How the person was reached." })
  channel: OutreachChannel;

  @Field(() => String, { nullable: true, description: "What came of it (at most 200 characters)." })
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: "A note (at most 500 characters)." })
  note?: string | null;
}
