import { Authorized, Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { EMPLOYER_READERS } from "../access";

/** An employer registered with labor security (the owner of `Employer`). */
@Entity("employer")
@Directive('@key(fields: "creditCode")')
@ObjectType({
  description:
    "An employer (enterprise or institution). Owned by labor security; other departments add their own fields.",
})
export class Employer {
  // Public, as on the business licence; and the key other departments' fields hang on.
  @PrimaryColumn({ type: "varchar", length: 18, name: "credit_code" })
  @Field(() => ID, { description: "18-character unified social credit code (GB 32100-2015)." })
  creditCode: string;

  // Public: the job board names the employer.
  @Column({ type: "varchar", length: 100 })
  @Field({ description: "Registered name." })
  name: string;

  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  @Authorized(EMPLOYER_READERS)
  @Field(() => String, { nullable: true, description: "Industry." })
  industry: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  @Authorized(EMPLOYER_READERS)
  @Field(() => String, { nullable: true, description: "Registered address." })
  address: string | null;

  @Column({ type: "varchar", length: 32, name: "registered_at" })
  registeredAt: string;
}
