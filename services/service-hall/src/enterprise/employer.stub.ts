import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Labor security owns `Employer`; the hall only knows the key and adds the building its
 * station serves the company in. Not an entity: the hall keeps which building a company is in
 * (`hall_building_company`), nothing else about it.
 */
@Directive('@key(fields: "creditCode")')
@ObjectType({
  description: "An employer. Owned by labor security; the service hall adds the building whose station serves it.",
})
export class Employer {
  @Field(() => ID, { description: "18-character unified social credit code (GB 32100-2015)." })
  creditCode: string;
}

/** An `Employer` stub for a key; the field resolvers batch the real look-ups. */
export function employerStub(creditCode: string): Employer {
  return Object.assign(new Employer(), { creditCode });
}

/** Resolves `Employer` representations without a query: `building` is batched by its own loader. */
export function employerReference() {
  return { __resolveReference: (ref: { creditCode: string }) => employerStub(ref.creditCode) };
}
