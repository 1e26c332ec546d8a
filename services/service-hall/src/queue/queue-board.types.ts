import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@onewindow/platform";
import { HallDepartment } from "../catalogue/catalogue.enums";
import { QueueTicket } from "./queue-ticket.entity";

@ObjectType({ description: "The queue of one category as the hall screen shows it." })
export class QueueCategoryStatus {
  @Field(() => HallDepartment, { description: "The category." })
  category: HallDepartment;

  @Field({ description: "The letter its tickets start with." })
  letter: string;

  @Field(() => Int, { description: "Tickets waiting." })
  waiting: number;

  @Field(() => Int, { description: "Of those, green-channel tickets." })
  greenChannelWaiting: number;

  @Field(() => String, { nullable: true, description: "The number called last today; null before the first call." })
  lastCalled: string | null;

  @Field(() => Int, {
    description:
      "Estimated minutes a ticket taken now waits: waiting tickets × minutes per call, where minutes per call is today's " +
      "time between the category's first and last call divided by the calls after the first (5 minutes before there are two calls).",
  })
  estimatedWaitMinutes: number;
}

@ObjectType({
  description: "What the hall's queue screen shows: who is being called where, and how long the queues are.",
})
export class QueueBoard {
  @Field(() => DateScalar, { description: "The day shown (today, China Standard Time)." })
  day: string;

  @Field(() => [QueueTicket], { description: "The ticket each window called last today, newest call first." })
  nowCalling: QueueTicket[];

  @Field(() => [QueueCategoryStatus], { description: "Every category's queue, in signpost order." })
  categories: QueueCategoryStatus[];
}
