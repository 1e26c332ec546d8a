/**
 * Clean-up for what one test opened (a database, a server, a role). A fixture registers it
 * where it opens the thing, so a test cannot forget it; the Jest set-up file
 * (`./jest-setup`, named by every project of `jest.config.js`) runs it after each test, last
 * registered first, and once more after the file for anything opened outside a test.
 */
const pending: (() => unknown)[] = [];

/** Runs `fn` once the current test has ended, passed or failed. */
export function afterThisTest(fn: () => unknown): void {
  pending.push(fn);
}

/** Runs and forgets every registered clean-up, newest first; the first failure is thrown once all have run. */
export async function runTestCleanups(): Promise<void> {
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
