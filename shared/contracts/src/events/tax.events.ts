/** The events tax publishes. */
export const TaxEvents = {
  returnFiled: "onewindow.tax.return.filed",
  withholdingFiled: "onewindow.tax.withholding.filed",
  pensionIncomeRecorded: "onewindow.tax.pension.recorded",
} as const;

/**
 * Their payloads (version 1). Dates are YYYY-MM-DD. The two returns carry their sums in yuan
 * (two decimals), as they were first published; a move to fen is a new version.
 */
export interface TaxEventPayloads {
  "onewindow.tax.return.filed": {
    returnId: number;
    idNumber: string;
    year: number;
    amendment: boolean;
    /** The return this one amends. */
    supersedes: number | null;
    taxableIncome: number;
    taxDue: number;
    taxWithheld: number;
    /** Positive: to pay; negative: to refund; 0 when a top-up is waived. */
    balance: number;
    /** The reconciliation exemption waived the top-up (income at most 120,000 yuan, or a top-up at most 400). */
    exempt: boolean;
    /** Filed after 30 June of the following year. */
    late: boolean;
  };
  "onewindow.tax.withholding.filed": {
    returnId: number;
    creditCode: string;
    /** YYYY-MM. */
    period: string;
    employees: number;
    amendment: boolean;
    supersedes: number | null;
    wagesTotal: number;
    taxWithheld: number;
    taxPaid: number;
  };
  "onewindow.tax.pension.recorded": {
    idNumber: string;
    year: number;
    amountFen: number;
    exempt: boolean;
    source: string;
  };
}
