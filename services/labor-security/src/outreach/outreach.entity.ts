import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { LABOR_RECORD_READERS } from "../access";
import { Citizen } from "../citizen/citizen.entity";
import { OutreachChannel, OutreachDueKind, OutreachKind } from "./outreach.enums";

/** A contact of the centre with a person (送政策 / 民情直通车). */
@Entity("outreach_visit")
@Index("outreach_visit_person_day", ["idNumber", "visitedOn"])
@ObjectType({ description: "A contact of the street centre with a person: a visit, a call or an event." })
export class OutreachVisit {
  @PrimaryGeneratedColumn()
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { description: "Visit id." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { description: "The person's resident ID number." })
  idNumber: string;

  @Column({ type: "varchar", length: 10 })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => OutreachKind, { description: "What the centre brought." })
  kind: OutreachKind;

  @Column({ type: "varchar", length: 10 })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => OutreachChannel, { description: "How the person was reached." })
  channel: OutreachChannel;

  @Column({ type: "varchar", length: 200, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, { nullable: true, description: "What came of it, in a few words." })
  outcome: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => String, { nullable: true, description: "The clerk's note." })
  note: string | null;

  @Column({ type: "date", name: "visited_on" })
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { description: "Day of the contact." })
  visitedOn: string;

  /** The community the person lived in at the contact (counts by community keep to that day). */
  @Column({ type: "varchar", length: 60, nullable: true })
  community: string | null;
}

/** Something the centre owes a person on the outreach list. */
@ObjectType({ description: "Something due for a person on the outreach list, with what a clerk says about it." })
export class OutreachDue {
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => OutreachDueKind, { description: "What is due." })
  kind: OutreachDueKind;

  @Authorized(LABOR_RECORD_READERS)
  @Field({ description: "What is due, in a Chinese sentence a clerk reads aloud." })
  text: string;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { nullable: true, description: "The posting, for JOB_MATCH." })
  postingId: string | null;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => ID, { nullable: true, description: "The course, for TRAINING_COURSE." })
  courseId: string | null;
}

/** One person on a community's outreach list. */
@ObjectType({ description: "A person on a community's outreach list: who, since when they wait, and what is due." })
export class OutreachEntry {
  @Authorized(LABOR_RECORD_READERS)
  @Field(() => Citizen, { description: "The person." })
  citizen: Citizen;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, { nullable: true, description: "Day of the last contact; null: never contacted." })
  lastContactOn: string | null;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => DateScalar, {
    description: "The day the wait counts from: the last contact, else the open unemployment registration.",
  })
  waitingSince: string;

  @Authorized(LABOR_RECORD_READERS)
  @Field(() => Int, { description: "Days waited since waitingSince." })
  waitingDays: number;

  /** The list's sort key (never shown): sealed into the cursor. */
  position: string;
}
