import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { INSURANCE_RECORD_READERS } from "../access";

/**
 * Labor security owns `Citizen`; this department only knows the key and adds its own fields.
 * Not an entity: we keep no citizen table.
 */
@Directive('@key(fields: "idNumber")')
@ObjectType({
  description: "A resident. Identity is owned by labor security; medical insurance adds enrolment and claims.",
})
export class Citizen {
  @Authorized(INSURANCE_RECORD_READERS)
  @Field(() => ID, { description: "18-character resident ID number (GB 11643-1999)." })
  idNumber: string;
}

/** A `Citizen` stub for a key; the field resolvers batch the real look-ups. */
export function citizenStub(idNumber: string): Citizen {
  return Object.assign(new Citizen(), { idNumber });
}
