import { AuditActs1764012120000 } from "./audit-acts.migration";
import { SignedAuditHeads1765200000000 } from "./audit-head.migration";
import { CreateAuditTrail1764000000000 } from "./audit.migration";

/** Every department's audit tables (the trail, its act columns, its signed heads), in order. */
export const AUDIT_MIGRATIONS: Function[] = [CreateAuditTrail1764000000000, AuditActs1764012120000, SignedAuditHeads1765200000000];
