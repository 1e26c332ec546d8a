import { Arg, Mutation, Resolver } from "type-graphql";
import type { Services } from "../services";
import { InpatientStay } from "./inpatient-stay.entity";
import { RecordInpatientStayInput } from "./inpatient.inputs";

@Resolver(() => InpatientStay)
export class InpatientResolver {
  constructor(private readonly s: Services) {}

  @Mutation(() => InpatientStay, {
    description: "Records a finished inpatient stay at discharge; insurance creates a claim from it and a follow-up becomes due.",
  })
  recordInpatientStay(@Arg("input", () => RecordInpatientStayInput, { description: "The stay." }) input: RecordInpatientStayInput) {
    return this.s.inpatient.record(input);
  }
}
