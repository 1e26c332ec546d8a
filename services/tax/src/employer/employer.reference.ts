import { employerStub } from "./employer.stub";

/**
 * Resolves `Employer` representations without a query: tax keeps no employer table, and
 * every field it adds is batched by its own loader.
 */
export function employerReference() {
  return { __resolveReference: (ref: { creditCode: string }) => employerStub(ref.creditCode) };
}
