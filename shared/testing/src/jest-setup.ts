import { afterAll, afterEach } from "@jest/globals";
import { runTestCleanups } from "./cleanup";

// Named by every project of jest.config.js (setupFilesAfterEnv): what a test registered with
// afterThisTest is closed after it, and anything opened in a beforeAll after the file.
afterEach(runTestCleanups);
afterAll(runTestCleanups);
