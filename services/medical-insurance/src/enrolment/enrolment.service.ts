import type { DataSource, EntityManager } from "typeorm";
import {
  inTransaction,
  BadUserInputError,
  ConflictError,
  EventPublisher,
  byKeys,
  isUniqueViolation,
  parseCreditCode,
  parseIdNumber,
  yuanToFen,
  type Clock,
  parsePastDate,
  anyOf,
  plainEntity,
  runPrepared,
} from "@onewindow/platform";
import { InsuranceEvents } from "@onewindow/contracts";
import { INSURANCE } from "../messages";
import { DEFAULT_CONTRIBUTION_BASE_FEN, monthlyContributions } from "./contribution.policy";
import { Enrolment } from "./enrolment.entity";
import { EnrolmentStatus, MedicalInsuranceScheme } from "./enrolment.enums";
import type { EnrollMedicalInsuranceInput } from "./enrolment.inputs";

/** An employer's insured employees and what it pays for them each month. */
export interface EmployerTotals {
  insuredEmployeeCount: number;
  monthlyContributionsFen: number;
}

/** Validated enrolment input: everything checkable without the database. */
interface EnrolmentRequest {
  idNumber: string;
  scheme: MedicalInsuranceScheme;
  creditCode: string | null;
  since: string;
  /** EMPLOYEE only (defaulted); null for the other schemes. */
  contributionBaseFen: number | null;
}

function validate(input: EnrollMedicalInsuranceInput, clock: Clock): EnrolmentRequest {
  const { idNumber } = parseIdNumber(input.idNumber);
  const since = parsePastDate(input.since, "since", clock);
  const employee = input.scheme === MedicalInsuranceScheme.EMPLOYEE;
  const hasCode = !!input.creditCode?.trim();
  if (employee && !hasCode) throw new BadUserInputError(INSURANCE.creditCodeRequired, "creditCode");
  if (!employee && hasCode)
    throw new BadUserInputError(INSURANCE.creditCodeNotForScheme.with({ scheme: input.scheme }), "creditCode");
  const hasBase = input.contributionBase !== null && input.contributionBase !== undefined;
  if (!employee && hasBase)
    throw new BadUserInputError(
      INSURANCE.contributionBaseNotForScheme.with({ scheme: input.scheme }),
      "contributionBase",
    );
  let contributionBaseFen: number | null = null;
  if (employee) {
    contributionBaseFen = hasBase
      ? yuanToFen(input.contributionBase as number, "contributionBase")
      : DEFAULT_CONTRIBUTION_BASE_FEN;
    if (contributionBaseFen === 0) throw new BadUserInputError(INSURANCE.contributionBaseZero, "contributionBase");
  }
  return {
    idNumber,
    scheme: input.scheme,
    creditCode: employee ? parseCreditCode(input.creditCode as string) : null,
    since,
    contributionBaseFen,
  };
}

/** Enrolments: switching schemes (keeping history) and batched look-ups. */
export class EnrolmentService {
  constructor(
    private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * Enrols a person: ends their current enrolment (if any) on the new one's first day and starts
   * the new one, carrying the personal account balance over, because the account belongs to the
   * person and not to the scheme.
   */
  async enroll(input: EnrollMedicalInsuranceInput, inTx?: EntityManager): Promise<Enrolment> {
    const req = validate(input, this.clock);
    const { personalFen, employerFen } = monthlyContributions(req.scheme, req.contributionBaseFen);
    const conflict = () =>
      new ConflictError(
        req.creditCode
          ? INSURANCE.alreadyEnrolledWithEmployer.with({ idNumber: req.idNumber, creditCode: req.creditCode })
          : INSURANCE.alreadyEnrolled.with({ idNumber: req.idNumber }),
      );
    try {
      return await inTransaction(this.db, inTx, async (tx) => {
        const current = await tx.findOneBy(Enrolment, { idNumber: req.idNumber, status: EnrolmentStatus.ACTIVE });
        if (current) {
          if (current.scheme === req.scheme && current.creditCode === req.creditCode) throw conflict();
          if (req.since < current.since) {
            throw new BadUserInputError(
              INSURANCE.sinceBeforeCurrent.with({
                scheme: current.scheme,
                currentSince: current.since,
                since: req.since,
              }),
              "since",
            );
          }
          await tx.update(Enrolment, { id: current.id }, { status: EnrolmentStatus.ENDED, endedOn: req.since });
        }
        const enrolment = tx.create(Enrolment, {
          idNumber: req.idNumber,
          scheme: req.scheme,
          status: EnrolmentStatus.ACTIVE,
          creditCode: req.creditCode,
          since: req.since,
          endedOn: null,
          contributionBaseFen: req.contributionBaseFen,
          monthlyContributionFen: personalFen,
          employerMonthlyContributionFen: employerFen,
          personalAccountBalanceFen: current?.personalAccountBalanceFen ?? 0,
          enrolledAt: this.clock().toISOString(),
        });
        await tx.save(enrolment);
        await this.events.publish(tx, {
          type: InsuranceEvents.enrolmentChanged,
          subject: req.idNumber,
          data: {
            idNumber: req.idNumber,
            scheme: req.scheme,
            creditCode: req.creditCode,
            since: req.since,
            monthlyContributionFen: personalFen,
            employerMonthlyContributionFen: employerFen,
            previous: current ? { scheme: current.scheme, creditCode: current.creditCode, endedOn: req.since } : null,
          },
        });
        return enrolment;
      });
    } catch (err) {
      // Two enrolments for one person raced past the check: the partial unique index stopped one.
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  }

  /**
   * Moves a person to a scheme because another department says so (an event): nothing when
   * they are already in it, and never back-dated before the current enrolment began.
   */
  async switchScheme(
    tx: EntityManager,
    change: { idNumber: string; scheme: MedicalInsuranceScheme; creditCode?: string | null; since: string },
  ): Promise<void> {
    const current = await tx.findOneBy(Enrolment, { idNumber: change.idNumber, status: EnrolmentStatus.ACTIVE });
    if (current && current.scheme === change.scheme && current.creditCode === (change.creditCode ?? null)) return;
    const since = current && current.since > change.since ? current.since : change.since;
    await this.enroll(
      { idNumber: change.idNumber, scheme: change.scheme, creditCode: change.creditCode ?? null, since },
      tx,
    );
  }

  /** The ACTIVE enrolment of each person in a batch, one query, in key order (null when none). */
  async activeFor(idNumbers: readonly string[]): Promise<(Enrolment | null)[]> {
    if (idNumbers.length === 0) return [];
    // Plain SQL: every citizen a window reads (one or a page of 50) comes through here, and
    // TypeORM's builder and hydration cost more than the statement.
    const plain = plainEntity(this.db, Enrolment);
    const ids = anyOf(this.db, "e.id_number", idNumbers);
    const rows = await runPrepared(
      this.db,
      `SELECT ${plain.columns("e")} FROM enrolment e WHERE ${ids.sql} AND e.status = ?`,
      [...ids.params, EnrolmentStatus.ACTIVE],
    );
    return byKeys(
      idNumbers,
      rows.map((row) => plain.from(row)!),
      (e) => e.idNumber,
    );
  }

  /** Insured employees and employer contributions for a batch of employers: one GROUP BY query. */
  async employerTotals(creditCodes: readonly string[]): Promise<EmployerTotals[]> {
    const rows = await this.db
      .getRepository(Enrolment)
      .createQueryBuilder("e")
      .select("e.credit_code", "creditCode")
      .addSelect("COUNT(*)", "count")
      .addSelect("SUM(e.employer_monthly_contribution_fen)", "total")
      .where("e.credit_code IN (:...codes)", { codes: [...creditCodes] })
      .andWhere("e.status = :active", { active: EnrolmentStatus.ACTIVE })
      .andWhere("e.scheme = :employee", { employee: MedicalInsuranceScheme.EMPLOYEE })
      .groupBy("e.credit_code")
      .getRawMany<{ creditCode: string; count: string | number; total: string | number | null }>();
    // PostgreSQL returns COUNT and SUM as strings (bigint, numeric).
    const totals = byKeys(creditCodes, rows, (r) => r.creditCode);
    return totals.map((r) => ({
      insuredEmployeeCount: Number(r?.count ?? 0),
      monthlyContributionsFen: Number(r?.total ?? 0),
    }));
  }
}
