import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar, fenToYuan } from "@onewindow/platform";
import { PatientRecordColumns } from "../record-columns";

/** One outpatient or emergency visit (门急诊人次), with what it cost. */
@Entity("outpatient_visit")
@Index(["hospitalCode", "visitDate", "department"])
@ObjectType({ description: "One outpatient or emergency visit and its cost." })
export class OutpatientVisit extends PatientRecordColumns {
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

  @Field({ description: "Total cost of the visit, yuan." })
  get totalCost(): number {
    return fenToYuan(this.totalFen);
  }

  @Field({ description: "Drug part of the total cost, yuan." })
  get drugCost(): number {
    return fenToYuan(this.drugFen);
  }
}
