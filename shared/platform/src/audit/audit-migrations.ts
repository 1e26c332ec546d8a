import type { Constructor } from "../data-source";
import { AuditActs1764012120000 } from "./audit-acts.migration";
import { SignedAuditHeads1765200000000 } from "./audit-head.migration";
import { CreateAuditTrail1764000000000 } from "./audit.migration";
import { AuditWriters1765300000000 } from "./audit-writers.migration";
import { PartitionAuditTrail1765400000001 } from "./audit-partitions.migration";

/**
 * Every department's audit tables (the trail, its act columns, its signed heads, a chain per
 * writer, partitioned by year on PostgreSQL), in order.
 */
export const AUDIT_MIGRATIONS: Constructor[] = [
  CreateAuditTrail1764000000000,
  AuditActs1764012120000,
  SignedAuditHeads1765200000000,
  AuditWriters1765300000000,
  PartitionAuditTrail1765400000001,
];

/**
 * What a department's runtime role (not the tables' owner) may do on the audit tables, where
 * every other table of the department is read-write for it: append and read the trail, and on
 * the heads mark what the relay published. Never UPDATE, DELETE or TRUNCATE of a row.
 */
export const AUDIT_RUNTIME_PRIVILEGES: Readonly<Record<string, string>> = {
  audit_entry: "SELECT, INSERT",
  // PostgreSQL only: the trail's key (writer, id), which its partitions cannot check (see `PartitionAuditTrail1765400000001`).
  audit_entry_key: "SELECT, INSERT",
  audit_head: "SELECT, INSERT, UPDATE (sent_at)",
};
