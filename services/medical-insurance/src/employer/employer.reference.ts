import { employerStub } from "./employer.stub";

/**
 * Resolves `Employer` representations from the gateway. We hold no employer table, so the stub
 * is the whole answer; the field resolvers batch the look-ups of our own data.
 */
export function employerReference() {
  return { __resolveReference: (ref: { creditCode: string }) => employerStub(ref.creditCode) };
}
