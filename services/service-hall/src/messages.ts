import { defineMessages } from "@onewindow/contracts/i18n";

/**
 * What the service hall tells a person about cases, the service guide, evaluations, the
 * rectification ledger and the KPIs: wrong input, and the texts the hall writes itself (an
 * item's time limit in words, the ledger item an unsatisfied evaluation opens).
 */
export const HALL = defineMessages("hall", {
  dateNotExisting: { zh: "日期 {date} 不存在", en: "date {date} does not exist" },
  periodReversed: { zh: "开始日期 {from} 晚于结束日期 {to}", en: "{from} is after to {to}" },
  mustBeGiven: { zh: "必须填写", en: "must be given" },
  unknownItem: {
    zh: "办事指南中没有代码为“{code}”的事项",
    en: 'no service item with code "{code}" in the guide',
  },
  notACaseNumber: { zh: "“{value}”不是办件编号", en: '"{value}" is not a case number' },
  proxyIsCitizen: { zh: "代办人不能是办事人本人", en: "the proxy must be someone other than the citizen" },
  ticketNotCalled: {
    zh: "排队号 {ticket} 今天尚未叫号",
    en: "no ticket {ticket} has been called today",
  },
  noCase: { zh: "没有编号为 {caseId} 的办件", en: "no case {caseId}" },
  caseCompleted: {
    zh: "办件 {caseId} 已于 {completedOn} 办结",
    en: "case {caseId} was completed on {completedOn} already",
  },
  caseAwaitsDepartments: {
    zh: "办件 {caseId} 待 {departments} 确认后自动办结，无须窗口办结",
    en: "case {caseId} completes itself once {departments} confirm",
  },
  unknownChannel: { zh: "未知的评价渠道：{channel}", en: "unknown channel {channel}" },
  unknownRating: { zh: "未知的评价等级：{rating}", en: "unknown rating {rating}" },
  evaluationTarget: { zh: "请注明所评价的办件或窗口", en: "name the case or the window evaluated" },
  noCaseToEvaluate: { zh: "没有编号为 {caseId} 的办件可供评价", en: "no case {caseId} to evaluate" },
  caseAtOtherWindow: {
    zh: "办件 {caseId} 由 {window} 号窗口办理，不是 {named} 号窗口",
    en: "case {caseId} was handled at window {window}, not {named}",
  },
  // The ledger item an UNSATISFIED evaluation opens: stored as written, in Chinese.
  unsatisfiedAtWindow: {
    zh: "群众不满意评价（{window}号窗口），待核查整改",
    en: "unsatisfied evaluation (window {window}), to be checked and rectified",
  },
  unsatisfiedWithCase: {
    zh: "群众不满意评价（{window}号窗口，办件{caseId}），待核查整改",
    en: "unsatisfied evaluation (window {window}, case {caseId}), to be checked and rectified",
  },
  unknownSource: { zh: "未知的整改来源：{source}", en: "unknown source {source}" },
  deadlinePast: {
    zh: "整改期限 {deadline} 早于今天 {today}",
    en: "{deadline} is in the past (today is {today})",
  },
  notALedgerNumber: { zh: "“{value}”不是整改台账编号", en: '"{value}" is not a ledger number' },
  resolvedInFuture: { zh: "整改完成日期 {resolvedOn} 晚于今天", en: "{resolvedOn} is in the future" },
  noRectification: { zh: "整改台账中没有编号为 {id} 的事项", en: "no rectification item {id}" },
  rectificationResolved: {
    zh: "整改事项 {id} 已于 {resolvedOn} 整改完成",
    en: "item {id} was resolved on {resolvedOn} already",
  },
  resolvedBeforeOpened: {
    zh: "整改完成日期 {resolvedOn} 早于立项日期 {openedOn}",
    en: "{resolvedOn} is before the item was opened ({openedOn})",
  },
  // An item's promised time limit in words (ServiceItem.timeLimit), as the service guide prints it.
  onTheSpot: { zh: "即办", en: "on the spot" },
  workingDays: { zh: "{days}个工作日", en: "{days} working days" },
});

/** The queue-number system (排队叫号): centres, categories, the green channel, skip, recall, transfer. */
export const HALL_QUEUE = defineMessages("hall.queue", {
  unknownCentre: { zh: "服务中心代码 {centre} 不存在", en: "unknown centre {centre}" },
  unknownCategory: { zh: "未知的业务类别：{category}", en: "unknown category {category}" },
  unknownPriority: { zh: "未知的排队类型：{priority}", en: "unknown priority {priority}" },
  noCategories: {
    zh: "请至少选择一个业务类别；不选则按全部类别叫号",
    en: "name at least one category, or leave it out for every category",
  },
  notATicketNumber: { zh: "“{value}”不是排队号编号", en: '"{value}" is not a ticket number' },
  disabledByClerk: {
    zh: "爱心通道号须由窗口工作人员发放，请到咨询台办理。",
    en: "DISABLED tickets are issued by a window clerk.",
  },
  elderlyNeedsIdNumber: {
    zh: "老年人绿色通道须提供本人身份证号码（年满{age}周岁）。",
    en: "ELDERLY needs the holder's ID number (aged {age} or over).",
  },
  elderlyTooYoung: {
    zh: "身份证号码显示未满{age}周岁，不能领取老年人绿色通道号。",
    en: "The holder is under {age}.",
  },
  noTicketToday: { zh: "今天没有编号为 {id} 的排队号", en: "no ticket {id} today" },
  skipNeedsCalled: {
    zh: "只有已叫号的号码才能过号：{ticket} 的状态是 {status}",
    en: "only a called ticket can be skipped: {ticket} is {status}",
  },
  recallNeedsSkipped: {
    zh: "只有过号的号码才能重新叫号：{ticket} 的状态是 {status}",
    en: "only a skipped ticket can be recalled: {ticket} is {status}",
  },
  transferNeedsWaitingOrCalled: {
    zh: "只有候叫或已叫号的号码才能转号：{ticket} 的状态是 {status}",
    en: "only a waiting or called ticket can be transferred: {ticket} is {status}",
  },
  recallWindowPassed: {
    zh: "{ticket} 过号已超过{minutes}分钟，不能再叫号，请重新取号",
    en: "{ticket}: the recall window of {minutes} minutes has passed",
  },
  alreadyInLine: { zh: "{ticket} 已在该类业务队列中", en: "{ticket} is already in that line" },
});

/** Appointments (预约): schedules, slots, booking, cancelling and checking in. */
export const HALL_APPOINTMENT = defineMessages("hall.appointment", {
  dateNotExisting: {
    zh: "日期 {date} 不存在（格式 YYYY-MM-DD）",
    en: "date {date} does not exist (expected YYYY-MM-DD)",
  },
  periodReversed: { zh: "结束日期 {to} 早于开始日期 {from}", en: "the last day {to} is before the first day {from}" },
  periodTooLong: { zh: "一次最多查询{max}天", en: "at most {max} days at a time" },
  timeFormat: { zh: "时间 {value} 格式应为 HH:MM", en: "time {value}: expected HH:MM" },
  notAnAppointmentNumber: { zh: "“{value}”不是预约编号", en: '"{value}" is not an appointment number' },
  hoursTooShort: {
    zh: "开放时间 {opens}–{closes} 容不下一个 {minutes} 分钟的时段",
    en: "opening hours {opens}–{closes} do not hold one slot of {minutes} minutes",
  },
  notOffered: { zh: "{centre}未开放“{item}”的预约", en: "{centre} takes no appointments for {item}" },
  notWorkingDay: { zh: "{day} 不是工作日，不办理预约", en: "{day} is not a working day: no appointments" },
  tooFarAhead: {
    zh: "最多可提前{days}天预约（至 {lastDay}）",
    en: "appointments are taken at most {days} days ahead (until {lastDay})",
  },
  notSlotStart: {
    zh: "{time} 不是 {opens}–{closes} 内的预约时段起点（每段{minutes}分钟）",
    en: "{time} is not the start of a slot within {opens}–{closes} ({minutes} minutes each)",
  },
  slotEnded: { zh: "{day} {time} 的时段已结束", en: "the slot of {day} {time} has ended" },
  overlapping: {
    zh: "该公民在 {day} {start}–{end} 已有预约（编号 {id}），不能再预约重叠的时段",
    en: "the person has appointment {id} on {day} {start}–{end} already: no overlapping slot can be booked",
  },
  slotFull: {
    zh: "{day} {time} 的时段已约满，请选择其他时段",
    en: "the slot of {day} {time} is full: choose another",
  },
  cancelAfterStart: {
    zh: "预约时段 {day} {time} 已开始，不能取消",
    en: "the slot of {day} {time} has begun: it can no longer be cancelled",
  },
  checkInTooEarly: {
    zh: "请于 {day} {time} 前{minutes}分钟内签到取号",
    en: "check in from {minutes} minutes before {day} {time}",
  },
  noAppointment: { zh: "没有编号为 {id} 的预约", en: "no appointment {id}" },
  noShow: {
    zh: "预约时段 {day} {start}–{end} 已过，按爽约处理",
    en: "the slot of {day} {start}–{end} has passed: a no-show",
  },
  cancelNeedsBooked: {
    zh: "只有未签到、未取消的预约才能取消：预约 {id} 的状态是 {status}",
    en: "only a booked appointment can be cancelled: appointment {id} is {status}",
  },
  checkInNeedsBooked: {
    zh: "只有未签到、未取消的预约才能签到：预约 {id} 的状态是 {status}",
    en: "only a booked appointment can be checked in: appointment {id} is {status}",
  },
});

/** The working-day calendar: loading a year's holiday schedule, and where a year's days come from. */
export const HALL_CALENDAR = defineMessages("hall.calendar", {
  yearOutOfRange: {
    zh: "年份须在{from}至{to}年之间，收到 {year}",
    en: "the year must be from {from} to {to}, got {year}",
  },
  outsideSchedule: {
    zh: "{date} 不在{year}年放假安排的范围内（{from}至{to}）",
    en: "{date} is outside the range of the {year} schedule ({from} to {to})",
  },
  noHolidays: { zh: "放假日期不能为空", en: "list at least one day off" },
  offAndWorked: {
    zh: "{date} 不能既是放假日又是调休上班日",
    en: "{date} cannot be both a day off and a weekend day worked",
  },
  workedNotWeekend: {
    zh: "调休上班日 {date} 不是周六或周日",
    en: "weekend day worked {date} is not a Saturday or Sunday",
  },
  clashesWithYear: {
    zh: "{date} 与{year}年的放假安排相抵触（{source}）",
    en: "{date} contradicts the {year} schedule ({source})",
  },
  // The `source` of a year's schedule: stored (an administrator's load) or shown (the fallback).
  loadedWithoutNotice: {
    zh: "{year}年部分节假日安排（管理员载入，未注明通知文号）",
    en: "holiday schedule of {year} (loaded by an administrator, no notice number given)",
  },
  statutoryFallback: {
    zh: "{year}年放假安排尚未载入，按{statute}的法定节日计算（不含调休）",
    en: "the {year} schedule is not loaded: the statutory holidays of {statute}, without weekend days worked",
  },
  localAdditions: {
    zh: "本地补充（HALL_HOLIDAYS、HALL_MAKEUP_WORKDAYS）",
    en: "local additions (HALL_HOLIDAYS, HALL_MAKEUP_WORKDAYS)",
  },
});

/** The acts a refusal of the hall names. */
export const HALL_ACT = defineMessages("hall.act", {
  readOthersCases: { zh: "查阅他人的办件", en: "read another person's cases" },
  readOthersTickets: { zh: "查阅他人的排队票", en: "read another person's queue tickets" },
  evaluateWithoutOwnCase: {
    zh: "在未指明本人办件的情况下评价窗口",
    en: "evaluate a window without naming their own case",
  },
  evaluateOthersCase: { zh: "评价他人的办件", en: "evaluate another person's case" },
  bookForOthers: { zh: "为他人预约", en: "book an appointment for another person" },
  cancelOthers: { zh: "取消他人的预约", en: "cancel another person's appointment" },
  checkInOthers: { zh: "为他人的预约签到", en: "check in another person's appointment" },
});
