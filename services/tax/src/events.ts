/**
 * The domain events the tax department publishes (through its outbox). Payloads are versioned
 * by their type name; a breaking change gets a new type.
 */
export const TaxEvents = {
  returnFiled: "onewindow.tax.return.filed",
  withholdingFiled: "onewindow.tax.withholding.filed",
  pensionIncomeRecorded: "onewindow.tax.pension.recorded",
} as const;
