import { Field, InputType } from "type-graphql";
import { AssistanceCategory, ChannelKind, ConsentTopic } from "./contact.enums";

@InputType({ description: "A person's mobile number or e-mail address." })
export class SetContactChannelInput {
  @Field({ description: "The person's resident ID number." })
  idNumber: string;

  @Field(() => ChannelKind, { description: "SMS or EMAIL." })
  kind: ChannelKind;

  @Field({
    description: "A mainland mobile number (11 digits, 1[3-9]…) or an e-mail address (at most 100 characters).",
  })
  address: string;
}

@InputType({ description: "Which of a person's channels to remove." })
export class RemoveContactChannelInput {
  @Field({ description: "The person's resident ID number." })
  idNumber: string;

  @Field(() => ChannelKind, { description: "SMS or EMAIL." })
  kind: ChannelKind;
}

@InputType({ description: "A consent the person gives." })
export class GiveConsentInput {
  @Field({ description: "The person's resident ID number." })
  idNumber: string;

  @Field(() => ConsentTopic, { description: "What they agree to receive." })
  topic: ConsentTopic;

  @Field(() => String, {
    nullable: true,
    description: "NEWS only: the community whose broadcasts they want (at most 50 characters).",
  })
  community?: string | null;

  @Field(() => AssistanceCategory, {
    nullable: true,
    description: "NEWS only: the assistance group whose broadcasts they want.",
  })
  assistanceCategory?: AssistanceCategory | null;
}

@InputType({ description: "A consent the person withdraws (opt-out)." })
export class WithdrawConsentInput {
  @Field({ description: "The person's resident ID number." })
  idNumber: string;

  @Field(() => ConsentTopic, { description: "What they no longer want." })
  topic: ConsentTopic;
}
