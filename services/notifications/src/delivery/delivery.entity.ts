import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "@onewindow/platform";
import { CONTACT_READERS } from "../access";
import { ChannelKind, ConsentTopic } from "../contact/contact.enums";
import { DeliveryStatus } from "./delivery.enums";
import { maskAddress } from "./masking";

/**
 * One message to one address: the delivery log and the queue in one table. `sourceKey` is what
 * made it (an event's id, `broadcast:<id>`): with the person and channel it is unique, so a fact
 * seen twice queues nothing twice. `nextAttemptAt` orders the queue: a retry's back-off, quiet
 * hours and the rate limit move it on.
 */
@Entity("delivery")
@Index(["sourceKey", "idNumber", "channel"], { unique: true })
@Index(["status", "nextAttemptAt"])
@Index(["idNumber", "sentAt"])
@ObjectType("Notification", { description: "A message sent (or to be sent) to a person, and how it went." })
export class Delivery {
  @PrimaryGeneratedColumn()
  @Authorized(CONTACT_READERS)
  @Field(() => ID, { description: "The message's number." })
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "varchar", length: 10 })
  @Authorized(CONTACT_READERS)
  @Field(() => ChannelKind, { description: "SMS or EMAIL." })
  channel: ChannelKind;

  /** The full address, for the adapter; lists and logs show it masked. */
  @Column({ type: "varchar", length: 100 })
  address: string;

  @Column({ type: "varchar", length: 40, name: "template_code" })
  @Authorized(CONTACT_READERS)
  @Field({ description: "The template it was written from." })
  templateCode: string;

  @Column({ type: "varchar", length: 20 })
  topic: ConsentTopic;

  @Column({ type: "boolean" })
  urgent: boolean;

  @Column({ type: "varchar", length: 100 })
  subject: string;

  @Column({ type: "varchar", length: 500 })
  @Authorized(CONTACT_READERS)
  @Field({ description: "The text, placeholders filled in (an SMS goes out with the sender's signature before it)." })
  text: string;

  @Column({ type: "varchar", length: 80, name: "source_key" })
  sourceKey: string;

  @Column({ type: "varchar", length: 12 })
  @Authorized(CONTACT_READERS)
  @Field(() => DeliveryStatus, { description: "Where it stands." })
  status: DeliveryStatus;

  @Column({ type: "integer" })
  @Authorized(CONTACT_READERS)
  @Field(() => Int, { description: "Attempts made so far." })
  attempts: number;

  @Column({ type: "varchar", length: 32, name: "next_attempt_at" })
  nextAttemptAt: string;

  @Column({ type: "varchar", length: 200, name: "last_error", nullable: true })
  lastError: string | null;

  @Column({ type: "varchar", length: 100, name: "provider_id", nullable: true })
  providerId: string | null;

  @Column({ type: "varchar", length: 32, name: "created_at" })
  @Authorized(CONTACT_READERS)
  @Field(() => DateTimeScalar, { description: "When it was queued." })
  createdAt: string;

  @Column({ type: "varchar", length: 32, name: "sent_at", nullable: true })
  @Authorized(CONTACT_READERS)
  @Field(() => DateTimeScalar, { nullable: true, description: "When the provider accepted it." })
  sentAt: string | null;

  @Authorized(CONTACT_READERS)
  @Field({ description: "The address it goes to, masked (138****1234, z***@example.com)." })
  get to(): string {
    return maskAddress(this.channel, this.address);
  }
}
