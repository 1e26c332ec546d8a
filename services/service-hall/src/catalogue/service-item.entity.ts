import { Field, Float, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { type CaseTaskDepartment } from "@onewindow/contracts";
import { fenToYuan } from "@onewindow/platform";
import { HALL } from "../messages";
import { HallDepartment } from "./catalogue.enums";

/** JSON text columns hold short lists; the catalogue is read whole and never queried by them. */
const jsonList = {
  to: (v: string[]) => JSON.stringify(v ?? []),
  from: (v: string | null) => (v ? (JSON.parse(v) as string[]) : []),
};

/** One item of the policy and procedure guide (办事指南): what a citizen can get done at the hall. */
@Entity("service_item")
@ObjectType({
  description: "An item of the service guide (办事指南): what can be done at the hall, with what, how, and how fast.",
})
export class ServiceItem {
  @PrimaryColumn({ type: "varchar", length: 10 })
  @Field({ description: "Item code, e.g. ER001; cases name their item by it." })
  code: string;

  @Column({ type: "varchar", length: 60 })
  @Field({ description: "Name of the item in Chinese, e.g. 企业职工退休审批." })
  name: string;

  @Column({ type: "varchar", length: 24 })
  @Field(() => HallDepartment, { description: "The hall's line of business whose windows handle the item." })
  department: HallDepartment;

  @Column({ type: "text", transformer: jsonList })
  @Field(() => [String], { description: "The departments (in Chinese) that take part in handling the item." })
  departments: string[];

  @Column({ type: "text", transformer: jsonList })
  @Field(() => [String], { description: "Documents the citizen brings (申请材料)." })
  materials: string[];

  @Column({ type: "text", transformer: jsonList })
  @Field(() => [String], { description: "Steps of the procedure (办理流程), in order." })
  steps: string[];

  @Column({ type: "varchar", length: 300, name: "legal_basis" })
  @Field({ description: "Laws and regulations the item rests on (办理依据)." })
  legalBasis: string;

  @Column({ type: "integer", name: "time_limit_days" })
  @Field(() => Int, { description: "Promised time limit in working days; 0 means handled on the spot (即办)." })
  timeLimitDays: number;

  @Column({ type: "integer", name: "fee_fen" })
  feeFen: number;

  /** Departments whose own events confirm a case of this item (comma-separated; empty for most items). */
  @Column({ type: "varchar", length: 40, name: "confirmed_by", default: "" })
  confirmedBy: string;

  @Field({ description: "The promised time limit in words: 即办 (on the spot) or N个工作日." })
  get timeLimit(): string {
    // The guide's words, in Chinese whatever the request's language: a field, not an error.
    return (this.timeLimitDays === 0 ? HALL.onTheSpot : HALL.workingDays.with({ days: this.timeLimitDays })).zh;
  }

  @Field({ description: "True when the item is handled on the spot (time limit 0)." })
  get onTheSpot(): boolean {
    return this.timeLimitDays === 0;
  }

  @Field(() => Float, { description: "Fee charged to the citizen, yuan (0: free of charge)." })
  get fee(): number {
    return fenToYuan(this.feeFen);
  }

  /** The departments a case of this item waits for, in order. */
  get confirmingDepartments(): CaseTaskDepartment[] {
    return this.confirmedBy ? (this.confirmedBy.split(",") as CaseTaskDepartment[]) : [];
  }
}
