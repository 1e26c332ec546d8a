import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The code of the hall's own centre, which every ticket is taken at until service centres are
 * modelled. The migration seeds its row; a later service-centre model turns codes into references.
 */
export const HOME_CENTRE = "KAIXUAN";

/** The default recall window (minutes) of a missed ticket, as the migration seeds it. */
export const DEFAULT_RECALL_WINDOW_MINUTES = 30;

/**
 * A service centre's queue settings, one row per centre code the hall knows (the hall's own,
 * KAIXUAN, seeded): what the centre changes by its own notice lives here, not in code.
 */
@Entity("hall_centre_setting")
@ObjectType({ description: "A service centre the hall knows, with its queue settings." })
export class CentreSetting {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field({ description: "The centre's code, e.g. KAIXUAN; appointments and tickets name the centre by it." })
  code: string;

  @Column({ type: "varchar", length: 60 })
  @Field({ description: "The centre's name, e.g. 凯旋街道综合服务中心." })
  name: string;

  @Column({ type: "integer", name: "recall_window_minutes" })
  @Field(() => Int, {
    description: "Minutes after a ticket is skipped (过号) within which a window may still recall it.",
  })
  recallWindowMinutes: number;
}
