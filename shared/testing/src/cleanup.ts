/**
 * Clean-up for what a test opened (a database, a server, a role). A fixture registers it where
 * it opens the thing, so a test cannot forget it; the Jest set-up file (`./jest-setup`, named by
 * every project of `jest.config.js`) runs it, last registered first: what a test opened after
 * that test, what a `beforeAll` opened (shared by the file's tests) after the file.
 */
const forTest: (() => unknown)[] = [];
const forFile: (() => unknown)[] = [];
let inTest = false;

/**
 * Runs `fn` once the current test has ended, passed or failed; called outside a test (in a
 * `beforeAll`), once the file's tests have ended.
 */
export function afterThisTest(fn: () => unknown): void {
  (inTest ? forTest : forFile).push(fn);
}

/** Marks a test as started: what is opened from now on is the test's own (the set-up file's `beforeEach`). */
export function startTest(): void {
  inTest = true;
}

/** Runs and forgets the clean-ups of the test that ended, newest first; the first failure is thrown once all have run. */
export function runTestCleanups(): Promise<void> {
  inTest = false;
  return runAll(forTest);
}

/** Runs and forgets every clean-up still registered (the file's, and a test's left over), newest first. */
export async function runFileCleanups(): Promise<void> {
  await runAll([...forFile.splice(0), ...forTest.splice(0)]);
}

async function runAll(pending: (() => unknown)[]): Promise<void> {
  let failure: unknown;
  for (let fn = pending.pop(); fn; fn = pending.pop()) {
    try {
      await fn();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}
