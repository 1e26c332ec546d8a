import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { bigintTransformer } from "@onewindow/platform";

/**
 * Basic pension a person received, recorded as exempt income (免税收入). Written when another
 * department tells us about a pension (labor's retirement approval), independent of any
 * return the person files; `source_ref` (the event id) makes a redelivered event harmless.
 */
@Entity("pension_income")
@Index(["idNumber", "year"])
@Index(["sourceRef"], { unique: true })
export class PensionIncome {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 18, name: "id_number" })
  idNumber: string;

  @Column({ type: "integer" })
  year: number;

  @Column({ type: "bigint", name: "amount_fen", transformer: bigintTransformer })
  amountFen: number;

  /** What told us, e.g. `onewindow.labor.retirement.approved`. */
  @Column({ type: "varchar", length: 120 })
  source: string;

  /** The id of the event or document the record came from; unique so it is recorded once. */
  @Column({ type: "varchar", length: 64, name: "source_ref" })
  sourceRef: string;

  @Column({ type: "varchar", length: 32, name: "recorded_at" })
  recordedAt: string;
}
