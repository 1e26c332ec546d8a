import { citizenStub } from "./citizen.stub";

/**
 * Resolves `Citizen` representations from the gateway. We hold no citizen table, so the stub
 * is the whole answer; the field resolvers batch the look-ups of our own data.
 */
export function citizenReference() {
  return { __resolveReference: (ref: { idNumber: string }) => citizenStub(ref.idNumber) };
}
