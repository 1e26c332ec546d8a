/**
 * Test support, imported by tests and fixtures only (`@onewindow/testing`, a devDependency): it
 * loads `node:assert`, and it is left out of the images.
 */
export { openTestDatabase, type TestDatabase } from "./test-database";
export { openDepartmentDatabase, type Department, type DepartmentDatabase } from "./department-database";
export { auditRead, countStatements, fixedClock, rejectsWith, rowCounts, type Rejection } from "./test-data";
export { runAs, refusedWith, allowed, auditRows, type Answer } from "./rule-testing";
export { afterThisTest } from "./cleanup";
