import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { BadUserInputError } from "@onewindow/platform";
import { LABOR_JOBS } from "../messages";

/**
 * A skill or certificate a posting asks for, one row per tag, so that matching finds the
 * postings sharing a job seeker's skills through the `(skill, expires_on, posting_id)` index.
 */
@Entity("job_posting_skill")
@Index("job_posting_skill_open", ["skill", "expiresOn", "postingId"])
export class JobPostingSkill {
  @PrimaryColumn({ type: "integer", name: "posting_id" })
  postingId: number;

  @PrimaryColumn({ type: "varchar", length: 40 })
  skill: string;

  /**
   * The posting's closing date, copied when it is posted (a posting never changes it), so that
   * matching skips the tags of closed postings in the index. Null: none (or not copied: matching
   * still checks the posting itself).
   */
  @Column({ type: "date", name: "expires_on", nullable: true })
  expiresOn: string | null;
}

/** At most this many skill tags on a posting or a profile. */
export const MAX_SKILLS = 20;

/**
 * Skill tags as stored: trimmed, blanks dropped, duplicates removed (order kept), each at most 40
 * characters, at most {@link MAX_SKILLS}; BAD_USER_INPUT naming `field` otherwise.
 */
export function skillTags(values: readonly string[] | null | undefined, field: string): string[] {
  const tags = [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v.length > 0))];
  if (tags.length > MAX_SKILLS) throw new BadUserInputError(LABOR_JOBS.tooManyTags.with({ max: MAX_SKILLS }), field);
  const long = tags.find((t) => t.length > 40);
  if (long) throw new BadUserInputError(LABOR_JOBS.tagTooLong.with({ max: 40, tag: long }), field);
  return tags;
}
