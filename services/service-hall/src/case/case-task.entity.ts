import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { CaseTaskDepartmentName, CaseTaskStatus } from "./case.enums";

/**
 * One department's part of a multi-department case (a retirement: labor, insurance, tax). The
 * department's own event about the citizen confirms it; the last confirmation completes the case.
 */
@Entity("case_task")
@Index("case_task_case_department", ["caseId", "department"], { unique: true })
@Index("case_task_pending", ["idNumber", "department", "status"])
@ObjectType({ description: "One department's part of a case that needs several departments." })
export class CaseTask {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "integer", name: "case_id" })
  caseId: number;

  /** The case's citizen, so that an event about a citizen finds their tasks with one index. */
  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 12 })
  @Field(() => CaseTaskDepartmentName, { description: "The department." })
  department: CaseTaskDepartmentName;

  @Column({ type: "varchar", length: 10 })
  @Field(() => CaseTaskStatus, { description: "Pending or confirmed." })
  status: CaseTaskStatus;

  @Column({ type: "date", name: "confirmed_on", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the confirming event (China Standard Time); null while pending.",
  })
  confirmedOn: string | null;

  /** The confirming event's id and type, to trace a confirmation back to the bus. */
  @Column({ type: "varchar", length: 36, name: "event_id", nullable: true })
  eventId: string | null;

  @Column({ type: "varchar", length: 120, name: "event_type", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Type of the event that confirmed the task; null while pending.",
  })
  eventType: string | null;
}
