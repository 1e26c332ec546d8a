import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { EnterpriseServiceKind } from "./enterprise.enums";

@InputType({ description: "Records a service a building station gave a company." })
export class RecordEnterpriseServiceInput {
  @Field(() => ID, { description: "The company's unified social credit code; it must be in a served building." })
  creditCode: string;

  @Field(() => EnterpriseServiceKind, { description: "What was done." })
  kind: EnterpriseServiceKind;

  @Field(() => DateScalar, { description: "Day it was done; not in the future." })
  date: string;

  @Field({ description: "Staff number of the station worker who did it." })
  staffNumber: string;

  @Field(() => String, {
    nullable: true,
    description: "What was done, in the worker's words (at most 500 characters).",
  })
  note?: string | null;
}

@InputType({ description: "Places a company in a building, so that the building's station serves it." })
export class PlaceCompanyInput {
  @Field(() => ID, { description: "Building number." })
  building: string;

  @Field(() => ID, { description: "The company's unified social credit code." })
  creditCode: string;
}
