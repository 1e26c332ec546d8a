import type { EntityManager } from "typeorm";
import { LABOR_BENEFIT } from "../messages";
import { UnemploymentBenefitClaim } from "./benefit.entity";

/**
 * Stops a person's running benefit claim from a new job's first day (失业保险条例 第十五条第（一）项:
 * benefit ends on re-employment; no payment from that month on), in the transaction that records
 * the job. A claim made after the job started is not this job's to stop. Returns how many stopped.
 */
export async function stopBenefitForJob(
  tx: EntityManager,
  job: { idNumber: string; startDate: string; creditCode: string },
): Promise<number> {
  const result = await tx
    .createQueryBuilder()
    .update(UnemploymentBenefitClaim)
    .set({
      stoppedOn: job.startDate,
      // Kept as the clerk reads it on the claim.
      stopReason: LABOR_BENEFIT.stoppedByNewJob.with({ startDate: job.startDate, creditCode: job.creditCode }).zh,
    })
    .where("id_number = :idNumber AND stopped_on IS NULL AND claimed_on <= :startDate", {
      idNumber: job.idNumber,
      startDate: job.startDate,
    })
    .execute();
  return result.affected ?? 0;
}
