import { Field, ID, InputType, Int } from "type-graphql";
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

  @Field(() => String, {
    nullable: true,
    description:
      "The code of the centre whose machine issues it (each centre numbers its own lines, from A001 every day); default KAIXUAN.",
  })
  centre?: string | null;
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

  @Field(() => String, {
    nullable: true,
    description:
      "The code of the window's centre, whose tickets it calls; default the signed-in clerk's centre (staff record), else KAIXUAN.",
  })
  centre?: string | null;
}

@InputType({ description: "A window marks a called ticket as missed (过号): its holder did not come." })
export class SkipTicketInput {
  @Field(() => ID, { description: "The ticket's id." })
  ticketId: string;
}

@InputType({ description: "A window calls a missed ticket again, within the centre's recall window." })
export class RecallTicketInput {
  @Field(() => ID, { description: "The ticket's id." })
  ticketId: string;

  @Field({ description: "The window calling it, e.g. 03." })
  window: string;
}

@InputType({ description: "A window sends a ticket to another category's line (转号)." })
export class TransferTicketInput {
  @Field(() => ID, { description: "The ticket's id." })
  ticketId: string;

  @Field(() => HallDepartment, { description: "The category whose line it joins." })
  toCategory: HallDepartment;
}

@InputType({ description: "An administrator sets a centre's recall window for missed tickets." })
export class SetRecallWindowInput {
  @Field({ description: "The centre's code, e.g. KAIXUAN." })
  centre: string;

  @Field(() => Int, { description: "Minutes after a skip within which a ticket may be recalled (0–240)." })
  recallWindowMinutes: number;
}
