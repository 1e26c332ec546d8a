import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Hospital quality owns `Hospital`; a claim only points at one by its code, and the gateway
 * asks hospital quality for the rest (its name). We resolve no hospital ourselves.
 */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType({ description: "A hospital. Owned by hospital quality; a claim points at it by code." })
export class Hospital {
  @Field(() => ID, { description: "The hospital's code." })
  code: string;
}
