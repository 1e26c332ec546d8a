import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer, DateScalar, fenToYuan } from "@onewindow/platform";

/** One outpatient or emergency visit (门急诊人次), with what it cost. */
@Entity("outpatient_visit")
@Index(["hospitalCode", "visitDate", "department"])
@ObjectType({ description: "One outpatient or emergency visit and its cost." })
export class OutpatientVisit {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id." })
  id: number;

  @Column({ type: "varchar", length: 20, name: "hospital_code" })
  @Field(() => ID, { description: "Code of the hospital visited." })
  hospitalCode: string;

  @Column({ type: "date", name: "visit_date" })
  @Field(() => DateScalar, { description: "Day of the visit." })
  visitDate: string;

  @Column({ type: "varchar", length: 40 })
  @Field({ description: "Department seen, e.g. 内科." })
  department: string;

  @Column({ type: "bigint", name: "total_fen", transformer: bigintTransformer })
  totalFen: number;

  @Column({ type: "bigint", name: "drug_fen", transformer: bigintTransformer })
  drugFen: number;

  /**
   * Summed per prescriber only by `prescriberDrugStats`, under a grant approved by the information
   * office and medical affairs together (统方); deliberately not a GraphQL field.
   */
  @Column({ type: "varchar", length: 40, name: "prescriber_id", nullable: true })
  prescriberId: string | null;

  /** Personal data: kept for insurance and audits; the GraphQL field shows it masked (access.ts). */
  @Column({ type: "varchar", length: 18, name: "patient_id_number", nullable: true })
  patientIdNumber: string | null;

  @Field({ description: "Total cost of the visit, yuan." })
  get totalCost(): number {
    return fenToYuan(this.totalFen);
  }

  @Field({ description: "Drug part of the total cost, yuan." })
  get drugCost(): number {
    return fenToYuan(this.drugFen);
  }
}
