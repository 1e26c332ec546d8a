import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { EnterpriseServiceKind } from "./enterprise.enums";

@ObjectType({ description: "A building station's services of one kind over a period." })
export class EnterpriseServiceKindTotal {
  @Field(() => EnterpriseServiceKind, { description: "The kind of service." })
  kind: EnterpriseServiceKind;

  @Field(() => Int, { description: "Services of this kind given in the period." })
  services: number;

  @Field(() => Int, { description: "Distinct companies that received at least one of them." })
  companies: number;
}

@ObjectType({
  description:
    "A building station's enterprise services over from..to (both inclusive), counted from the individual records.",
})
export class EnterpriseServiceTotals {
  @Field({ description: "Code of the building station." })
  station: string;

  @Field(() => DateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => Int, { description: "Services of every kind." })
  services: number;

  @Field(() => Int, { description: "Distinct companies served at least once." })
  companies: number;

  @Field(() => [EnterpriseServiceKindTotal], {
    description: "One row per kind, every kind listed (0 when none), in the enum's order.",
  })
  byKind: EnterpriseServiceKindTotal[];
}
