import { registerEnumType } from "type-graphql";

/** Who may skip the ordinary queue through the green channel (绿色通道、爱心通道). */
export enum QueuePriority {
  NORMAL = "NORMAL",
  ELDERLY = "ELDERLY",
  DISABLED = "DISABLED",
}
registerEnumType(QueuePriority, {
  name: "QueuePriority",
  description:
    "Whether a ticket goes through the green channel; green-channel tickets are called before ordinary ones.",
  valuesConfig: {
    NORMAL: { description: "An ordinary ticket, called in the order taken." },
    ELDERLY: {
      description:
        "Green channel for elderly citizens: 60 and over by the ID number given, or issued by a window clerk.",
    },
    DISABLED: {
      description: "Green channel (爱心通道) for citizens with a disability: issued by a window clerk only.",
    },
  },
});

export enum QueueTicketStatus {
  WAITING = "WAITING",
  CALLED = "CALLED",
  SKIPPED = "SKIPPED",
}
registerEnumType(QueueTicketStatus, {
  name: "QueueTicketStatus",
  description: "Where a queue ticket stands.",
  valuesConfig: {
    WAITING: { description: "Taken and not yet called." },
    CALLED: { description: "Called to a window." },
    SKIPPED: {
      description:
        "Called, and its holder did not come (过号): a window may recall it within the centre's recall window, else the holder takes a new number.",
    },
  },
});
