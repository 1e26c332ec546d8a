import { Authorized, Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, DateTimeScalar, fenToYuan } from "@onewindow/platform";
import { INSURANCE_RECORD_READERS } from "../access";

/** A reimbursement claim for one hospital visit or stay. */
@Entity("claim")
@Index("claim_person_visit", ["idNumber", "visitDate", "id"])
@Authorized(INSURANCE_RECORD_READERS)
@ObjectType({ description: "A medical insurance claim for one hospital visit or stay." })
export class Claim {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Claim id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 32, name: "hospital_code" })
  @Field({ description: "Code of the hospital that treated the person." })
  hospitalCode: string;

  @Column({ type: "date", name: "visit_date" })
  @Field(() => DateScalar, { description: "Day of the visit (or of discharge, for a stay)." })
  visitDate: string;

  @Column({ type: "bigint", name: "total_cost_fen", transformer: bigintTransformer })
  totalCostFen: number;

  @Column({ type: "bigint", name: "drug_cost_fen", transformer: bigintTransformer })
  drugCostFen: number;

  @Column({ type: "varchar", length: 32, name: "submitted_at" })
  @Field(() => DateTimeScalar, { description: "When the claim was submitted." })
  submittedAt: string;

  @Field(() => Float, { description: "Total cost of the visit, yuan." })
  get totalCost(): number {
    return fenToYuan(this.totalCostFen);
  }

  @Field(() => Float, { description: "Drug part of the total cost, yuan." })
  get drugCost(): number {
    return fenToYuan(this.drugCostFen);
  }
}
