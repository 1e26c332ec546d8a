import { registerEnumType } from "type-graphql";

/** Where an appointment stands. NO_SHOW is never stored: a BOOKED appointment whose slot has ended. */
export enum AppointmentStatus {
  BOOKED = "BOOKED",
  CHECKED_IN = "CHECKED_IN",
  CANCELLED = "CANCELLED",
  NO_SHOW = "NO_SHOW",
}
registerEnumType(AppointmentStatus, {
  name: "AppointmentStatus",
  description: "Where an appointment stands.",
  valuesConfig: {
    BOOKED: { description: "Booked; the person has not checked in yet and the slot has not ended." },
    CHECKED_IN: { description: "The person checked in and got a queue ticket." },
    CANCELLED: { description: "Cancelled before the slot began; the place was freed." },
    NO_SHOW: { description: "The slot ended without a check-in (爽约)." },
  },
});

/** Who booked it. */
export enum AppointmentChannel {
  CITIZEN = "CITIZEN",
  CLERK = "CLERK",
}
registerEnumType(AppointmentChannel, {
  name: "AppointmentChannel",
  description: "Who booked an appointment.",
  valuesConfig: {
    CITIZEN: { description: "The citizen, signed in." },
    CLERK: { description: "A window clerk, for the person (by phone or at the desk)." },
  },
});
