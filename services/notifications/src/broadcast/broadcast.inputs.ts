import { Field, InputType } from "type-graphql";
import { DateTimeScalar } from "@onewindow/platform";
import { AssistanceCategory } from "../contact/contact.enums";
import { TemplateVariableInput } from "../template/message-template.inputs";

@InputType({ description: "Who a broadcast reaches: at least one of the two; both narrow to those matching both." })
export class BroadcastAudienceInput {
  @Field(() => String, { nullable: true, description: "A community (社区), as people named it when consenting." })
  community?: string | null;

  @Field(() => AssistanceCategory, { nullable: true, description: "An assistance group." })
  assistanceCategory?: AssistanceCategory | null;
}

@InputType({ description: "A broadcast to send." })
export class SendBroadcastInput {
  @Field(() => BroadcastAudienceInput, { description: "Who it reaches (only people with a standing news consent)." })
  audience: BroadcastAudienceInput;

  @Field({ description: "A NEWS template's code." })
  templateCode: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When to send (at most 90 days ahead); omit for now.",
  })
  scheduledAt?: Date | null;

  @Field(() => [TemplateVariableInput], {
    nullable: true,
    description: "The template's placeholders (at most 10), each with a value.",
  })
  variables?: TemplateVariableInput[] | null;
}
