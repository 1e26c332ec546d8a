import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A community or building station hands an open case to its street centre (站站互通)." })
export class EscalateCaseInput {
  @Field(() => ID, { description: "The case number." })
  caseId: string;

  @Field(() => String, {
    nullable: true,
    description: "The street centre's code; default the station's parent, and only that one is accepted.",
  })
  toCentre?: string | null;
}
