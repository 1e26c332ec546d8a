import { Field, ID, InputType } from "type-graphql";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { QueuePriority } from "./queue.enums";

@InputType({ description: "A citizen takes a number at the ticket machine." })
export class TakeQueueTicketInput {
  @Field(() => HallDepartment, { description: "The line of business the citizen comes for." })
  category: HallDepartment;

  @Field(() => QueuePriority, {
    nullable: true,
    description: "Green channel for the elderly and the disabled; default NORMAL.",
  })
  priority?: QueuePriority | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "ELDERLY at the ticket machine: the holder's resident ID number, which shows them 60 or over. Checked, never stored; a window clerk needs none.",
  })
  idNumber?: string | null;
}

@InputType({ description: "A window calls the next citizen." })
export class CallNextTicketInput {
  @Field({ description: "The calling window, e.g. 03." })
  window: string;

  @Field(() => [HallDepartment], {
    nullable: true,
    description: "The categories this window serves; default every category.",
  })
  categories?: HallDepartment[] | null;
}
