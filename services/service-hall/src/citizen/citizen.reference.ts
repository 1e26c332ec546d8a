import { citizenStub } from "./citizen.stub";

/** Resolves `Citizen` representations: the stub is the whole answer, `cases` is batched. */
export function citizenReference() {
  return { __resolveReference: (ref: { idNumber: string }) => citizenStub(ref.idNumber) };
}
