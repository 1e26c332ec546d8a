import { citizenStub } from "./citizen.stub";

/**
 * Resolves `Citizen` representations without a query: tax keeps no citizen table, and every
 * field it adds is batched by its own loader.
 */
export function citizenReference() {
  return { __resolveReference: (ref: { idNumber: string }) => citizenStub(ref.idNumber) };
}
