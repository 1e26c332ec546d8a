import { makeCreditCode, makeIdNumber } from "@onewindow/platform";

/*
 * Medical insurance's sample data for its tests (not a test file: Jest runs only `*.test.ts`). A
 * test opens the department over its own database with `openDepartmentDatabase(medicalInsurance)`
 * (`@onewindow/testing`).
 */

/** A valid resident ID number (Hangzhou Xihu district, born 1985), distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330106", "1985-06-15", n);

/** A valid unified social credit code, distinct per `n`. */
export const company = (n: number) => makeCreditCode("330106", 10_000 + n);

/** The tables the department writes, the outbox included: a rejected input changes none (`rowCounts`). */
export const TABLES = ["enrolment", "claim", "outbox_event"];
