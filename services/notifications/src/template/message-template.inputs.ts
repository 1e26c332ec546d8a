import { Field, InputType } from "type-graphql";

@InputType({ description: "New wording for a template." })
export class SetMessageTemplateInput {
  @Field({ description: "The template's code." })
  code: string;

  @Field({
    description:
      "The text (at most 300 characters), Chinese; `{变量}` placeholders only from the template's `variables`.",
  })
  body: string;

  @Field(() => String, {
    nullable: true,
    description: "The e-mail's subject (at most 100 characters); omit to keep it.",
  })
  subject?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether quiet hours are ignored; omit to keep it." })
  urgent?: boolean | null;
}

@InputType({ description: "One placeholder's value." })
export class TemplateVariableInput {
  @Field({ description: "The placeholder's name, without braces (地点)." })
  name: string;

  @Field({ description: "Its value (at most 100 characters)." })
  value: string;
}
