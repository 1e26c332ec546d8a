import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Labor security owns `Employer`; this department only knows the key and adds its own fields.
 * Not an entity: we keep no employer table.
 */
@Directive('@key(fields: "creditCode")')
@ObjectType({
  description: "An employer. Registration is owned by labor security; medical insurance adds its insured employees.",
})
export class Employer {
  @Field(() => ID, { description: "18-character unified social credit code (GB 32100-2015)." })
  creditCode: string;
}

/** An `Employer` stub for a key; the gateway asks labor security for the rest. */
export function employerStub(creditCode: string): Employer {
  return Object.assign(new Employer(), { creditCode });
}
