/*
 * Tax's sample data for its tests (not a test file: Jest runs only `*.test.ts`). A test opens
 * the department over its own database with `openDepartmentDatabase(tax)` (`@onewindow/testing`).
 */

/** The tables the department writes, the outbox included: a rejected input changes none (`rowCounts`). */
export const TABLES = ["tax_return", "withholding_return", "pension_income", "outbox_event"];
