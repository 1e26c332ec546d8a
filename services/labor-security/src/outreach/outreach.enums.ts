import { registerEnumType } from "type-graphql";

export enum OutreachKind {
  POLICY = "POLICY",
  JOBS = "JOBS",
  TRAINING = "TRAINING",
  SERVICE = "SERVICE",
}
registerEnumType(OutreachKind, {
  name: "OutreachKind",
  description: "What the centre brought to the person.",
  valuesConfig: {
    POLICY: { description: "送政策: explained the policies that apply (subsidies, benefit, relief)." },
    JOBS: { description: "送岗位: brought job openings." },
    TRAINING: { description: "送培训: brought training courses." },
    SERVICE: { description: "民情直通车: heard and took up a need or a complaint." },
  },
});

export enum OutreachChannel {
  VISIT = "VISIT",
  PHONE = "PHONE",
  EVENT = "EVENT",
}
registerEnumType(OutreachChannel, {
  name: "OutreachChannel",
  description: "How the person was reached: a home visit, a call, or at a community event.",
});

export enum OutreachDueKind {
  JOB_MATCH = "JOB_MATCH",
  TRAINING_COURSE = "TRAINING_COURSE",
  BENEFIT_CLAIM = "BENEFIT_CLAIM",
}
registerEnumType(OutreachDueKind, {
  name: "OutreachDueKind",
  description: "Something the centre owes a person on the outreach list.",
  valuesConfig: {
    JOB_MATCH: { description: "An open posting that suits the person and to which they are not referred." },
    TRAINING_COURSE: { description: "An open course with a seat, for a trade the person wants or has, not enrolled." },
    BENEFIT_CLAIM: { description: "Eligible for unemployment benefit today and not claimed." },
  },
});
