import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@onewindow/platform";

@InputType({ description: "An administrator sets when an item can be booked at a centre." })
export class SetAppointmentScheduleInput {
  @Field({ description: "The centre's code, e.g. KAIXUAN." })
  centre: string;

  @Field({ description: "The service item's code." })
  itemCode: string;

  @Field({ description: "Start of the first slot (HH:MM), e.g. 09:00." })
  opensAt: string;

  @Field({ description: "End of the last slot (HH:MM), e.g. 17:00; 24:00 for midnight." })
  closesAt: string;

  @Field(() => Int, { description: "Slot length in minutes (10–720)." })
  slotMinutes: number;

  @Field(() => Int, { description: "Places per slot (1–500)." })
  capacity: number;

  @Field(() => Int, { nullable: true, description: "How many days ahead a slot may be booked (0–60); default 14." })
  daysAhead?: number | null;
}

@InputType({ description: "A slot to book for a person." })
export class BookAppointmentInput {
  @Field(() => ID, { description: "The person's resident ID number (a citizen: their own)." })
  idNumber: string;

  @Field({ description: "The centre's code, e.g. KAIXUAN." })
  centre: string;

  @Field({ description: "The service item's code." })
  itemCode: string;

  @Field(() => DateScalar, { description: "The slot's day." })
  day: string;

  @Field({ description: "The slot's start (HH:MM), as appointmentSlots lists it." })
  startTime: string;
}

@InputType({ description: "An appointment, by its number." })
export class AppointmentIdInput {
  @Field(() => ID, { description: "The appointment number." })
  appointmentId: string;
}
