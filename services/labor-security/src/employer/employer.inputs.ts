import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "An employer to register." })
export class RegisterEmployerInput {
  @Field(() => ID, { description: "18-character unified social credit code." })
  creditCode: string;

  @Field({ description: "Registered name." })
  name: string;

  @Field(() => String, { nullable: true, description: "Industry." })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: "Registered address." })
  address?: string | null;
}
