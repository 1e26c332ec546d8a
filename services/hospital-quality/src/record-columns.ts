import { Column } from "typeorm";
import { bigintTransformer } from "@onewindow/platform";

/**
 * The columns an outpatient visit and an inpatient stay both have besides their days and
 * department: what it cost, who prescribed and who the patient was. Columns only, no GraphQL
 * fields (each record describes its own costs), so the schemas are the records' own.
 */
export abstract class PatientRecordColumns {
  @Column({ type: "bigint", name: "total_fen", transformer: bigintTransformer })
  totalFen: number;

  @Column({ type: "bigint", name: "drug_fen", transformer: bigintTransformer })
  drugFen: number;

  /**
   * Summed per prescriber only by `prescriberDrugStats`, under a grant approved by the information
   * office and medical affairs together (统方); deliberately not a GraphQL field.
   */
  @Column({ type: "varchar", length: 40, name: "prescriber_id", nullable: true })
  prescriberId: string | null;

  /**
   * Personal data: kept for insurance (the claim event of a stay) and audits; the GraphQL field
   * shows it masked (access.ts).
   */
  @Column({ type: "varchar", length: 18, name: "patient_id_number", nullable: true })
  patientIdNumber: string | null;
}
