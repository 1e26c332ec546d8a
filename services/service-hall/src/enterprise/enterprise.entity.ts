import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { EnterpriseServiceKind } from "./enterprise.enums";

/**
 * An office building whose companies a building station (楼宇服务站) serves. The station is a
 * service centre (its code); the companies are labor security's employers, by credit code.
 */
@Entity("hall_building")
@ObjectType({ description: "An office building served by a building station (楼宇服务站), with its companies." })
export class Building {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Building number." })
  id: number;

  @Column({ type: "varchar", length: 60, unique: true })
  @Field({ description: "The building's name, e.g. 物产大厦." })
  name: string;

  @Column({ type: "varchar", length: 120 })
  @Field({ description: "Its address." })
  address: string;

  @Index("hall_building_station")
  @Column({ type: "varchar", length: 20 })
  @Field({ description: "Code of the service centre (a building station) that serves its companies, e.g. WUCHAN." })
  station: string;
}

/** Which building a company is in: one building at a time, the one whose station serves it. */
@Entity("hall_building_company")
@Index("hall_building_company_building", ["buildingId", "creditCode"])
export class BuildingCompany {
  @PrimaryColumn({ type: "varchar", length: 18, name: "credit_code" })
  creditCode: string;

  @Column({ type: "integer", name: "building_id" })
  buildingId: number;
}

/** One service a station gave a company on a day, by a staff member (the station's ledger). */
@Entity("hall_enterprise_service")
// Covers the totals: a station's services in a period, by kind.
@Index("hall_enterprise_service_station", ["station", "date", "kind", "creditCode"])
@Index("hall_enterprise_service_company", ["creditCode", "date"])
@ObjectType({ description: "A service a building station gave a company (one visit or act)." })
export class EnterpriseService {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: "Record number." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "credit_code" })
  @Field(() => ID, { description: "The company served: its unified social credit code." })
  creditCode: string;

  @Column({ type: "integer", name: "building_id" })
  buildingId: number;

  // The station that served, as it was on the day: a company moving later does not move its history.
  @Column({ type: "varchar", length: 20 })
  @Field({ description: "Code of the building station that gave the service." })
  station: string;

  @Column({ type: "varchar", length: 20 })
  @Field(() => EnterpriseServiceKind, { description: "What was done." })
  kind: EnterpriseServiceKind;

  @Column({ type: "date", name: "service_date" })
  @Field(() => DateScalar, { description: "Day the service was given." })
  date: string;

  @Column({ type: "varchar", length: 20, name: "staff_number" })
  @Field({ description: "Staff number of the station worker who gave it." })
  staffNumber: string;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "What was done, in the worker's words; null when not given." })
  note: string | null;

  @Column({ type: "varchar", length: 32, name: "recorded_at" })
  recordedAt: string;
}
