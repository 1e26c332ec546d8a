import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { OutpatientVisit } from "./outpatient-visit.entity";
import { RecordOutpatientVisitInput } from "./outpatient.inputs";

@Resolver(() => OutpatientVisit)
export class OutpatientResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => OutpatientVisit, { description: "Records an outpatient or emergency visit. BAD_USER_INPUT for an unknown hospital or bad costs or dates." })
  recordOutpatientVisit(@Arg("input", () => RecordOutpatientVisitInput, { description: "The visit." }) input: RecordOutpatientVisitInput) {
    return this.s.outpatient.record(input);
  }
}
