import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { CentreLevel } from "./centre.enums";

/**
 * A service centre (服务中心) of the city's hierarchy: the city, a district, a street centre, a
 * community station or a building station, each under its parent. Every hall record (ticket,
 * case, and through the case its evaluations and rectifications) belongs to one by its code.
 * The centre's own rules (the recall window of its queue) live on the same row: what a centre
 * changes by its own notice is data, not code.
 */
@Entity("hall_centre_setting")
@Index("hall_centre_parent", ["parentCode"])
@Index("hall_centre_level", ["level", "code"])
@ObjectType("ServiceCentre", {
  description:
    "A service centre of the city's hierarchy (市 → 区 → 街道 → 社区 / 楼宇服务站), with its queue settings.",
})
export class ServiceCentre {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field({ description: "The centre's code, e.g. KAIXUAN; every hall record names its centre by it." })
  code: string;

  @Column({ type: "varchar", length: 60 })
  @Field({ description: "The centre's name, e.g. 凯旋街道综合服务中心." })
  name: string;

  @Column({ type: "varchar", length: 20, default: "STREET" })
  @Field(() => CentreLevel, { description: "Where the centre stands in the hierarchy." })
  level: CentreLevel;

  @Column({ type: "varchar", length: 20, name: "parent_code", nullable: true })
  @Field(() => String, { nullable: true, description: "Code of the centre above it; null for the city." })
  parentCode: string | null;

  @Column({ type: "varchar", length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: "The district (区) it lies in, e.g. 江干区; null for the city." })
  district: string | null;

  @Column({ type: "varchar", length: 30, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The street (街道) it lies in, e.g. 凯旋街道; null for the city and a district.",
  })
  street: string | null;

  @Column({ type: "integer", name: "recall_window_minutes" })
  @Field(() => Int, {
    description: "Minutes after a ticket is skipped (过号) within which a window may still recall it.",
  })
  recallWindowMinutes: number;
}
