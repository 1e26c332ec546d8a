import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Labor security owns `Citizen`; the hall only knows the key and adds the citizen's cases.
 * Not an entity: the hall keeps no citizen table.
 */
@Directive('@key(fields: "idNumber")')
@ObjectType({
  description:
    "A resident. Identity is owned by labor security; the service hall adds the cases handled at its windows.",
})
export class Citizen {
  @Field(() => ID, { description: "18-character resident ID number (GB 11643-1999)." })
  idNumber: string;
}

/** A `Citizen` stub for a key; the field resolvers batch the real look-ups. */
export function citizenStub(idNumber: string): Citizen {
  return Object.assign(new Citizen(), { idNumber });
}
