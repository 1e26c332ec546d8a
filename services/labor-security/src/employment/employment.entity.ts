import { Authorized, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";

/** One job held by a citizen; the current one has no end date. */
@Entity("employment")
@Index(["idNumber", "endDate"])
// A person's record: every field for the readers of labor records (the labor officer who writes it among them).
@Authorized(LABOR_RECORD_READERS)
@ObjectType({ description: "A job a citizen holds or held." })
export class Employment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Index()
  @Column({ type: "varchar", length: 18, name: "credit_code" })
  creditCode: string;

  @Column({ type: "varchar", length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: "Job title or position." })
  position: string | null;

  @Column({ type: "date", name: "start_date" })
  @Field(() => DateScalar, { description: "First day of the job." })
  startDate: string;

  @Column({ type: "date", name: "end_date", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day of the job; null while it lasts." })
  endDate: string | null;
}
