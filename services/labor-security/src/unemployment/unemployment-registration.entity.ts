import { Authorized, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";

export enum RegistrationStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(RegistrationStatus, {
  name: "RegistrationStatus",
  description: "OPEN while the person is registered unemployed; CLOSED once employed again or retired.",
});

/** A registration as unemployed (失业登记). */
@Entity("unemployment_registration")
@Index(["idNumber", "status"])
@Authorized(LABOR_RECORD_READERS)
@ObjectType({ description: "A registration as unemployed (失业登记)." })
export class UnemploymentRegistration {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "date", name: "registered_on" })
  @Field(() => DateScalar, { description: "Day of registration." })
  registeredOn: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "Reason given (contract ended, dismissal ...)." })
  reason: string | null;

  @Column({ type: "varchar", length: 10 })
  @Field(() => RegistrationStatus, { description: "Open or closed." })
  status: RegistrationStatus;

  @Column({ type: "date", name: "closed_on", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Day the registration closed." })
  closedOn: string | null;
}
