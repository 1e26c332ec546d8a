import { type DataSource, type EntityManager } from "typeorm";
import {
  inTransaction,
  BadUserInputError,
  EventPublisher,
  NotFoundError,
  parseIdNumber,
  requiredText,
  pagesPerPerson,
  yuanToFen,
  type Connection,
  type PageRequest,
  type Clock,
  parsePastDate,
} from "@onewindow/platform";
import { Enrolment } from "../enrolment/enrolment.entity";
import { InsuranceEvents } from "@onewindow/contracts";
import { INSURANCE } from "../messages";
import { Claim } from "./claim.entity";
import type { SubmitClaimInput } from "./claim.inputs";

/** Claims: submission and per-person pages that cost the same few queries for any batch size. */
export class ClaimService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async submit(input: SubmitClaimInput, inTx?: EntityManager): Promise<Claim> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const hospitalCode = requiredText(input.hospitalCode, "hospitalCode", 32).toUpperCase();
    const visitDate = parsePastDate(input.visitDate, "visitDate", this.clock);
    const totalCostFen = yuanToFen(input.totalCost, "totalCost");
    const drugCostFen = yuanToFen(input.drugCost, "drugCost");
    if (drugCostFen > totalCostFen)
      throw new BadUserInputError(
        INSURANCE.drugCostAboveTotal.with({ totalCost: input.totalCost, drugCost: input.drugCost }),
        "drugCost",
      );
    return inTransaction(this.db, inTx, async (tx) => {
      // Any enrolment, current or ended: a claim for a visit during an earlier enrolment is valid.
      if (!(await tx.existsBy(Enrolment, { idNumber }))) {
        throw new NotFoundError(INSURANCE.neverEnrolled.with({ idNumber }));
      }
      const claim = tx.create(Claim, {
        idNumber,
        hospitalCode,
        visitDate,
        totalCostFen,
        drugCostFen,
        submittedAt: this.clock().toISOString(),
      });
      await tx.save(claim);
      await this.events.publish(tx, {
        type: InsuranceEvents.claimSubmitted,
        subject: idNumber,
        data: { id: claim.id, idNumber, hospitalCode, visitDate, totalCostFen, drugCostFen },
      });
      return claim;
    });
  }

  /**
   * One page of claims (newest visit first) for each person in a batch, all sharing the same
   * page request: two statements whatever the batch size (`pagesPerPerson`).
   */
  async pagesFor(idNumbers: readonly string[], page: PageRequest): Promise<Connection<Claim>[]> {
    return pagesPerPerson(this.db.getRepository(Claim), "visit_date", idNumbers, page);
  }
}
