import { personalReference } from "@onewindow/platform";
import { citizenStub } from "./citizen.stub";

/** Resolves `Citizen` representations without a query: every field added here is batched by its loader. */
export function citizenReference() {
  // A citizen is personal data here too: reaching one through `_entities` passes our rule and is audited.
  return personalReference(
    (ref: { idNumber: string }) => ref.idNumber,
    (ref) => citizenStub(ref.idNumber),
  );
}
