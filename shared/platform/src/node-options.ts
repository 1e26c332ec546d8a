/**
 * Node.js options every launcher gives a department's process (`npm start`, the bench, Compose,
 * Kubernetes): a young generation of up to 32 MB a semi-space instead of V8's 16. A department
 * answering a page of 50 people allocates rows, audit entries and GraphQL results for every one,
 * and with 50 requests in flight each scavenge copied what they still held: garbage collection was
 * 14-15 % of each department's CPU under the bench's Q2. With 32 MB, departments' CPU per Q2 fell
 * 9 % and the machine's 6 % (BENCHMARKS.md, "Fewer allocations, and the full set again"), for
 * at most 32 MB more per process, taken only under load. The gateway keeps V8's default: with a
 * larger young generation its RSS under load passed the 200 MB it is held to.
 */
export const DEPARTMENT_NODE_OPTIONS = "--max-semi-space-size=32";

/**
 * `NODE_OPTIONS` for a department's process: the caller's own, with
 * {@link DEPARTMENT_NODE_OPTIONS} unless it sizes the young generation itself.
 */
export function departmentNodeOptions(existing: string | undefined = process.env.NODE_OPTIONS): string {
  return withNodeOption(DEPARTMENT_NODE_OPTIONS, existing);
}

/**
 * `existing` `NODE_OPTIONS` with `option` (`--name=value`) added, unless they already set `--name`:
 * an operator's own setting wins over a launcher's default.
 */
export function withNodeOption(option: string, existing: string | undefined): string {
  if (existing?.includes(option.split("=")[0])) return existing;
  return [existing, option].filter(Boolean).join(" ");
}
