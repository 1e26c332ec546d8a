import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "A finished inpatient stay to record at discharge." })
export class RecordInpatientStayInput {
  @Field(() => ID, { description: "Code of a registered hospital." })
  hospitalCode: string;

  @Field(() => DateScalar, { description: "Day of admission; not in the future." })
  admittedOn: string;

  @Field(() => DateScalar, { description: "Day of discharge; not before admission and not in the future." })
  dischargedOn: string;

  @Field({ description: "Discharging department, e.g. 外科 (at most 40 characters)." })
  department: string;

  @Field({ description: "Total cost of the stay, yuan with at most two decimals; not negative." })
  totalCost: number;

  @Field({ description: "Drug part of the total cost, yuan; not negative and not above totalCost." })
  drugCost: number;

  @Field(() => ID, {
    nullable: true,
    description:
      "The responsible doctor's staff id; broken down per prescriber only under a dual-approved grant (prescriberDrugStats).",
  })
  prescriberId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The patient's 18-character resident ID number, when known (needed for the insurance claim).",
  })
  patientIdNumber?: string | null;
}
