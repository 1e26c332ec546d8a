import { afterAll, afterEach, beforeEach } from "@jest/globals";
import { runFileCleanups, runTestCleanups, startTest } from "./cleanup";

// Named by every project of jest.config.js (setupFilesAfterEnv): what a test registered with
// afterThisTest is closed after it, and what a beforeAll opened after the file.
beforeEach(startTest);
afterEach(runTestCleanups);
afterAll(runFileCleanups);
