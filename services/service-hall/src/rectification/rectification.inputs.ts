import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { RectificationSource } from "./rectification.enums";

@InputType({ description: "Opens an item in the rectification ledger." })
export class OpenRectificationInput {
  @Field(() => RectificationSource, { nullable: true, description: "Where the problem came from; default COMPLAINT." })
  source?: RectificationSource | null;

  @Field({ description: "The problem to fix." })
  description: string;

  @Field(() => DateScalar, { description: "Day by which it must be resolved; today or later." })
  deadline: string;

  @Field(() => String, { nullable: true, description: "Code of the service centre concerned; default KAIXUAN." })
  centre?: string | null;

  @Field(() => String, { nullable: true, description: "The window concerned; omit for the hall as a whole." })
  window?: string | null;
}

@InputType({ description: "Records how a rectification item was resolved." })
export class ResolveRectificationInput {
  @Field(() => ID, { description: "Ledger number of the item." })
  id: string;

  @Field(() => DateScalar, { description: "Day it was resolved; not in the future, not before it was opened." })
  resolvedOn: string;

  @Field({ description: "What was done." })
  action: string;
}
