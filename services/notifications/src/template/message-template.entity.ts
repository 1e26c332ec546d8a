import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "@onewindow/platform";
import { ConsentTopic } from "../contact/contact.enums";

/**
 * A message's wording, in Chinese with `{变量}` placeholders: data an administrator changes (a
 * notice changes what is said), seeded by the initial migration. `variables` are the names the
 * template may use: what its trigger (an event, a broadcast) fills in.
 */
@Entity("message_template")
@ObjectType({ description: "The wording of one kind of message, with `{变量}` placeholders." })
export class MessageTemplate {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field({ description: "The template's code (CASE_COMPLETED, BENEFIT_PAID, JOB_FAIR …)." })
  code: string;

  @Column({ type: "varchar", length: 20 })
  @Field(() => ConsentTopic, { description: "The consent a message of this template needs." })
  topic: ConsentTopic;

  @Column({ type: "boolean" })
  @Field({ description: "Urgent messages are sent in quiet hours (21:00–08:00) too; others wait until 08:00." })
  urgent: boolean;

  @Column({ type: "varchar", length: 100 })
  @Field({ description: "The e-mail's subject." })
  subject: string;

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "The text, with `{变量}` placeholders (an SMS adds the sender's signature before it)." })
  body: string;

  /** Comma-separated: the placeholders this template may use. */
  @Column({ type: "varchar", length: 300, name: "variables" })
  variableList: string;

  @Field(() => [String], { description: "The placeholders the text may use, filled in by what triggers it." })
  get variables(): string[] {
    return this.variableList ? this.variableList.split(",") : [];
  }

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Field(() => DateTimeScalar, { description: "When the wording was seeded or last changed." })
  updatedAt: string;

  @Column({ type: "varchar", length: 100, name: "updated_by", nullable: true })
  updatedBy: string | null;
}
