import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "@onewindow/platform";
import { PrescriberGrantStatus } from "./prescriber-grant.enums";

/** The states a grant is stored in; EXPIRED follows from `expiresAt`. */
export type StoredGrantState =
  PrescriberGrantStatus.PENDING | PrescriberGrantStatus.ACTIVE | PrescriberGrantStatus.REVOKED;

/**
 * One dual-authorised access window to a hospital's prescriber statistics (统方): requested by
 * an information-office user with a reason, approved by a different medical-affairs user, open
 * for one hospital and one period for at most 30 minutes.
 */
@Entity("prescriber_stats_grant")
@Index(["hospitalCode", "requestedAt"])
@ObjectType({
  description:
    "An access grant for a hospital's prescriber statistics (统方): requested by one information-office user with a reason, " +
    "approved by a different medical-affairs user, valid for that hospital and period for at most 30 minutes.",
})
export class PrescriberStatsGrant {
  @PrimaryColumn({ type: "varchar", length: 36 })
  @Field(() => ID, { description: "Grant id (a UUID)." })
  id: string;

  @Column({ type: "varchar", length: 20, name: "hospital_code" })
  @Field(() => ID, { description: "Code of the hospital whose prescribers the grant opens." })
  hospitalCode: string;

  @Column({ type: "date", name: "period_from" })
  @Field(() => DateScalar, { description: "First day of the period the grant covers." })
  from: string;

  @Column({ type: "date", name: "period_to" })
  @Field(() => DateScalar, { description: "Last day of the period the grant covers." })
  to: string;

  @Column({ type: "varchar", length: 500 })
  @Field({ description: "Why the statistics are needed, as the requester wrote it." })
  reason: string;

  @Column({ type: "varchar", length: 120, name: "requested_by" })
  @Field({ description: "The information-office user who asked (token subject); the only one who may use the grant." })
  requestedBy: string;

  @Column({ type: "varchar", length: 32, name: "requested_at" })
  @Field({ description: "When it was requested (ISO 8601)." })
  requestedAt: string;

  /** PENDING, ACTIVE or REVOKED; `status` adds EXPIRED. */
  @Column({ type: "varchar", length: 10 })
  state: StoredGrantState;

  @Column({ type: "varchar", length: 120, name: "approved_by", nullable: true })
  @Field(() => String, { nullable: true, description: "The medical-affairs user who approved; null until approved." })
  approvedBy: string | null;

  @Column({ type: "varchar", length: 32, name: "approved_at", nullable: true })
  @Field(() => String, { nullable: true, description: "When it was approved (ISO 8601); null until approved." })
  approvedAt: string | null;

  @Column({ type: "varchar", length: 32, name: "expires_at", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "When the window closes (ISO 8601): at most 30 minutes after approval; null until approved.",
  })
  expiresAt: string | null;

  @Column({ type: "varchar", length: 120, name: "revoked_by", nullable: true })
  @Field(() => String, { nullable: true, description: "Who revoked it; null unless revoked." })
  revokedBy: string | null;

  @Column({ type: "varchar", length: 32, name: "revoked_at", nullable: true })
  @Field(() => String, { nullable: true, description: "When it was revoked (ISO 8601); null unless revoked." })
  revokedAt: string | null;

  /** The status at `now`: an ACTIVE grant whose window has passed is EXPIRED. */
  statusAt(now: Date): PrescriberGrantStatus {
    if (
      this.state === PrescriberGrantStatus.ACTIVE &&
      this.expiresAt !== null &&
      Date.parse(this.expiresAt) <= now.getTime()
    ) {
      return PrescriberGrantStatus.EXPIRED;
    }
    return this.state;
  }
}
