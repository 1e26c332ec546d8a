/**
 * Test support, imported by tests and fixtures only (`@onewindow/shared/testing`): it loads
 * `node:assert`, and it is left out of the images.
 */
export { openTestDatabase, type TestDatabase } from "./test-database";
export { runAs, refusedWith, allowed, auditRows, type Answer } from "./rule-testing";
export { afterThisTest } from "./cleanup";
