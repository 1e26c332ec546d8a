import { jest } from "@jest/globals";
import "@onewindow/testing/jest-setup";

// A stack takes seconds to start (tens of seconds on a loaded machine) and a file's tests share
// it; the slowest file (fuzz) runs minutes. Jest reads a project's own `testTimeout` for nothing
// (only the run's), so the end-to-end files set theirs here, for their hooks and tests alike.
jest.setTimeout(300_000);
