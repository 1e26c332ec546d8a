import { personalReference } from "@onewindow/platform";
import { citizenStub } from "./citizen.stub";

/**
 * Resolves `Citizen` representations from the gateway. We hold no citizen table, so the stub
 * is the whole answer; the field resolvers batch the look-ups of our own data.
 */
export function citizenReference() {
  // A citizen is personal data here too: reaching one through `_entities` passes our rule and is audited.
  return personalReference(
    (ref: { idNumber: string }) => ref.idNumber,
    (ref) => citizenStub(ref.idNumber),
  );
}
