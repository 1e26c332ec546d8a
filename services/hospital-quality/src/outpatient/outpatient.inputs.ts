import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "An outpatient or emergency visit to record." })
export class RecordOutpatientVisitInput {
  @Field(() => ID, { description: "Code of a registered hospital." })
  hospitalCode: string;

  @Field(() => DateScalar, { description: "Day of the visit; not in the future." })
  visitDate: string;

  @Field({ description: "Department seen, e.g. 内科 (at most 40 characters)." })
  department: string;

  @Field({ description: "Total cost, yuan with at most two decimals; not negative." })
  totalCost: number;

  @Field({ description: "Drug part of the total cost, yuan; not negative and not above totalCost." })
  drugCost: number;

  @Field(() => ID, {
    nullable: true,
    description:
      "The prescribing doctor's staff id; broken down per prescriber only under a dual-approved grant (prescriberDrugStats).",
  })
  prescriberId?: string | null;

  @Field(() => ID, { nullable: true, description: "The patient's 18-character resident ID number, when known." })
  patientIdNumber?: string | null;
}
