import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A window accepts a citizen's item." })
export class OpenCaseInput {
  @Field(() => ID, { description: "The citizen's resident ID number." })
  idNumber: string;

  @Field({ description: "Code of the service item (see serviceItems)." })
  itemCode: string;

  @Field({ description: "The accepting window, e.g. 03." })
  window: string;

  @Field(() => String, {
    nullable: true,
    description: "Code of the service centre accepting it (see hallCentres); default KAIXUAN.",
  })
  centre?: string | null;

  @Field(() => String, { nullable: true, description: "Today's queue number the citizen was called with, e.g. A012." })
  ticketNumber?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when the citizen came by appointment (预约); default false.",
  })
  appointment?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: "Resident ID number of a person handling it on the citizen's behalf (代办).",
  })
  proxy?: string | null;
}

@InputType({ description: "A window completes a case." })
export class CompleteCaseInput {
  @Field(() => ID, { description: "The case number." })
  caseId: string;
}
