import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { TAX_RECORD_READERS } from "../access";

/**
 * Labor security owns `Citizen`; the tax department only knows the key and adds the
 * citizen's returns and yearly position. Not an entity: we keep no citizen table.
 */
@Directive('@key(fields: "idNumber")')
@ObjectType({
  description: "A resident. Identity is owned by labor security; tax adds returns and the yearly tax position.",
})
export class Citizen {
  @Authorized(TAX_RECORD_READERS)
  @Field(() => ID, { description: "18-character resident ID number (GB 11643-1999)." })
  idNumber: string;
}

/** A `Citizen` stub for a key; the field resolvers batch the real look-ups. */
export function citizenStub(idNumber: string): Citizen {
  return Object.assign(new Citizen(), { idNumber });
}
