import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Labor security owns `Employer`; the tax department only knows the key and adds withholding
 * returns and standing. Not an entity: we keep no employer table.
 */
@Directive('@key(fields: "creditCode")')
@ObjectType({
  description: "An employer. Owned by labor security; tax adds withholding returns, standing and arrears.",
})
export class Employer {
  @Field(() => ID, { description: "18-character unified social credit code (GB 32100-2015)." })
  creditCode: string;
}

/** An `Employer` stub for a key; the field resolvers batch the real look-ups. */
export function employerStub(creditCode: string): Employer {
  return Object.assign(new Employer(), { creditCode });
}
