import { Authorized, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "@onewindow/platform";
import { CONTACT_READERS } from "../access";
import { AssistanceCategory, ConsentTopic, RecordedVia } from "./contact.enums";

/**
 * A person's consent to one topic (个人信息保护法 第十四条: consent given freely, for a purpose,
 * withdrawable at any time — 第十五条). Withdrawing keeps the row with `withdrawnAt` set, as
 * evidence of when messages had to stop. A news consent carries the audience the person agreed to
 * be reached in (their community, an assistance group): broadcasts choose from these alone.
 */
@Entity("consent")
@Index(["idNumber", "topic"], { unique: true })
@ObjectType({ description: "A person's consent to receive one kind of message, and whether it stands." })
export class Consent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 20 })
  @Authorized(CONTACT_READERS)
  @Field(() => ConsentTopic, { description: "What was agreed to." })
  topic: ConsentTopic;

  @Column({ type: "boolean" })
  @Authorized(CONTACT_READERS)
  @Field({ description: "True while the consent stands; false once withdrawn (opt-out)." })
  granted: boolean;

  @Column({ type: "varchar", length: 50, nullable: true })
  @Authorized(CONTACT_READERS)
  @Field(() => String, {
    nullable: true,
    description: "NEWS: the community whose broadcasts the person wants (社区); null: none by community.",
  })
  community: string | null;

  @Column({ type: "varchar", length: 30, name: "assistance_category", nullable: true })
  @Authorized(CONTACT_READERS)
  @Field(() => AssistanceCategory, {
    nullable: true,
    description: "NEWS: the assistance group whose broadcasts the person wants; null: none by group.",
  })
  assistanceCategory: AssistanceCategory | null;

  @Column({ type: "varchar", length: 10, name: "recorded_via" })
  @Authorized(CONTACT_READERS)
  @Field(() => RecordedVia, { description: "Who recorded the last change." })
  recordedVia: RecordedVia;

  @Column({ type: "varchar", length: 32, name: "granted_at" })
  @Authorized(CONTACT_READERS)
  @Field(() => DateTimeScalar, { description: "When consent was (last) given." })
  grantedAt: string;

  @Column({ type: "varchar", length: 32, name: "withdrawn_at", nullable: true })
  @Authorized(CONTACT_READERS)
  @Field(() => DateTimeScalar, { nullable: true, description: "When it was withdrawn; null while it stands." })
  withdrawnAt: string | null;
}
