import { makeCreditCode, makeIdNumber } from "@onewindow/platform";

/*
 * Labor security's sample data for its tests (not a test file: Jest runs only `*.test.ts`). A
 * test opens the department over its own database with `openDepartmentDatabase(laborSecurity)`
 * (`@onewindow/testing`).
 */

/** A valid resident ID number (Hangzhou Shangcheng district, born 1975), distinct per `n` below 1000. */
export const person = (n: number) => makeIdNumber("330102", "1975-03-07", n);

/** A valid unified social credit code, distinct per `n`. */
export const company = (n: number) => makeCreditCode("330102", 20_000 + n);
