import type { Constructor } from "../data-source";
import { AuditActs1764012120000 } from "./audit-acts.migration";
import { SignedAuditHeads1765200000000 } from "./audit-head.migration";
import { CreateAuditTrail1764000000000 } from "./audit.migration";
import { AuditWriters1765300000000 } from "./audit-writers.migration";

/** Every department's audit tables (the trail, its act columns, its signed heads, a chain per writer), in order. */
export const AUDIT_MIGRATIONS: Constructor[] = [
  CreateAuditTrail1764000000000,
  AuditActs1764012120000,
  SignedAuditHeads1765200000000,
  AuditWriters1765300000000,
];

/**
 * What a department's runtime role (not the tables' owner) may do on the audit tables, where
 * every other table of the department is read-write for it: append and read the trail, and on
 * the heads mark what the relay published. Never UPDATE, DELETE or TRUNCATE of a row.
 */
export const AUDIT_RUNTIME_PRIVILEGES: Readonly<Record<string, string>> = {
  audit_entry: "SELECT, INSERT",
  audit_head: "SELECT, INSERT, UPDATE (sent_at)",
};
