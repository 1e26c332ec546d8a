import { Authorized, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "@onewindow/platform";
import { CONTACT_READERS } from "../access";
import { ChannelKind, RecordedVia } from "./contact.enums";

/** A person's mobile number or e-mail address: one of each at most. */
@Entity("contact_channel")
@Index(["idNumber", "kind"], { unique: true })
@ObjectType({ description: "A way to reach a person: their mobile number or e-mail address." })
export class ContactChannel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 10 })
  @Authorized(CONTACT_READERS)
  @Field(() => ChannelKind, { description: "SMS (a mobile number) or EMAIL." })
  kind: ChannelKind;

  @Column({ type: "varchar", length: 100 })
  @Authorized(CONTACT_READERS)
  @Field({ description: "The mobile number (11 digits) or e-mail address." })
  address: string;

  @Column({ type: "varchar", length: 10, name: "recorded_via" })
  @Authorized(CONTACT_READERS)
  @Field(() => RecordedVia, { description: "Who recorded it." })
  recordedVia: RecordedVia;

  @Column({ type: "varchar", length: 32, name: "updated_at" })
  @Authorized(CONTACT_READERS)
  @Field(() => DateTimeScalar, { description: "When it was recorded or last changed." })
  updatedAt: string;
}
