import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Labor security owns `Citizen`; notifications only knows the key and adds how the person is
 * reached, what they agreed to and the messages sent to them. Not an entity: no citizen table.
 */
@Directive('@key(fields: "idNumber")')
@ObjectType({
  description:
    "A resident. Identity is owned by labor security; notifications adds contact channels, consents and messages.",
})
export class Citizen {
  @Field(() => ID, { description: "18-character resident ID number (GB 11643-1999)." })
  idNumber: string;
}

/** A `Citizen` stub for a key; the field resolvers batch the real look-ups. */
export function citizenStub(idNumber: string): Citizen {
  return Object.assign(new Citizen(), { idNumber });
}
