import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { PrescriberStatsGrant } from "./prescriber-grant.entity";

@ObjectType({ description: "One prescriber's records in a period: visits and discharged stays, and their drug cost." })
export class PrescriberDrugCost {
  @Field(() => ID, { description: "The prescribing doctor's staff id, as recorded." })
  prescriberId: string;

  @Field(() => Int, { description: "Outpatient and emergency visits in the period with this prescriber." })
  visits: number;

  @Field(() => Int, { description: "Inpatient stays discharged in the period with this responsible doctor." })
  stays: number;

  @Field(() => Float, { description: "Drug cost of those visits and stays, yuan (2 decimals)." })
  drugCost: number;

  @Field(() => Float, { description: "Total cost of those visits and stays, yuan (2 decimals)." })
  totalCost: number;

  @Field(() => Float, { nullable: true, description: "drugCost / totalCost, 0..1; null when the total is 0." })
  drugCostShare: number | null;
}

@ObjectType({
  description: "Drug cost by prescriber (统方) of one hospital over one period, served under an access grant.",
})
export class PrescriberDrugStats {
  @Field(() => ID, { description: "Code of the hospital." })
  hospitalCode: string;

  @Field(() => DateScalar, { description: "First day counted (visit day; discharge day for stays)." })
  from: string;

  @Field(() => DateScalar, { description: "Last day counted." })
  to: string;

  @Field(() => PrescriberStatsGrant, { description: "The grant this answer was served under." })
  grant: PrescriberStatsGrant;

  @Field(() => [PrescriberDrugCost], {
    description:
      "One row per prescriber with records in the period, highest drug cost first; records without a prescriber id are left out.",
  })
  prescribers: PrescriberDrugCost[];
}
