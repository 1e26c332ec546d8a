import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "@onewindow/platform";
import { BROADCASTERS } from "../access";
import { AssistanceCategory } from "../contact/contact.enums";

/** A broadcast: one template to everyone whose news consent matches the audience, at a time. */
@Entity("broadcast")
@ObjectType({ description: "A message sent to everyone who consented to news in a community or assistance group." })
export class Broadcast {
  @PrimaryGeneratedColumn()
  @Authorized(BROADCASTERS)
  @Field(() => ID, { description: "The broadcast's number." })
  id: number;

  @Column({ type: "varchar", length: 40, name: "template_code" })
  @Authorized(BROADCASTERS)
  @Field({ description: "The template sent." })
  templateCode: string;

  @Column({ type: "varchar", length: 50, nullable: true })
  @Authorized(BROADCASTERS)
  @Field(() => String, { nullable: true, description: "The audience's community; null: any." })
  community: string | null;

  @Column({ type: "varchar", length: 30, name: "assistance_category", nullable: true })
  @Authorized(BROADCASTERS)
  @Field(() => AssistanceCategory, { nullable: true, description: "The audience's assistance group; null: any." })
  assistanceCategory: AssistanceCategory | null;

  @Column({ type: "varchar", length: 32, name: "scheduled_at" })
  @Authorized(BROADCASTERS)
  @Field(() => DateTimeScalar, { description: "When the messages go (a non-urgent SMS still waits out quiet hours)." })
  scheduledAt: string;

  @Column({ type: "integer" })
  @Authorized(BROADCASTERS)
  @Field(() => Int, {
    description: "People reached: those with a standing news consent for the audience and a channel.",
  })
  recipients: number;

  @Column({ type: "integer" })
  @Authorized(BROADCASTERS)
  @Field(() => Int, { description: "Messages queued (one per channel of each recipient)." })
  messages: number;

  @Column({ type: "varchar", length: 100, name: "created_by", nullable: true })
  createdBy: string | null;

  @Column({ type: "varchar", length: 32, name: "created_at" })
  @Authorized(BROADCASTERS)
  @Field(() => DateTimeScalar, { description: "When it was made." })
  createdAt: string;
}
