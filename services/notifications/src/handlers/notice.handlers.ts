import { HallEvents, HospitalEvents, LaborEvents } from "@onewindow/contracts";
import { fenToYuan, type EventHandlers } from "@onewindow/platform";
import type { Services } from "../services";

/** `2026-11-26` as a message says it: 11月26日. */
const dayOf = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
/** Integer fen as yuan with two decimals. */
const yuanOf = (fen: number) => fenToYuan(fen).toFixed(2);

/**
 * The other departments' events that make a notice to the person they are about. Each queues a
 * message from its template (only with the person's standing consent), keyed by the event's id:
 * the inbox applies an event once, and the key keeps a second delivery of it from queueing twice.
 *
 * Not here: the hall's public ticket events name no person; "three away" comes as the hall's
 * person event `ticket.near`, for a ticket whose holder it knows. A follow-up call's own event
 * names no patient either, so that notice goes at discharge, which does.
 */
export function noticeHandlers(s: Services): EventHandlers {
  const { deliveries } = s;
  return {
    [HallEvents.caseCompleted]: async (event, tx) => {
      const { idNumber, caseId, completedOn } = event.data;
      await deliveries.notify(
        tx,
        idNumber,
        "CASE_COMPLETED",
        { 办件编号: String(caseId), 办结日期: dayOf(completedOn) },
        event.id,
      );
    },
    [HallEvents.ticketNear]: async (event, tx) => {
      const { idNumber, centreName, number, ahead } = event.data;
      await deliveries.notify(
        tx,
        idNumber,
        "TICKET_NEAR",
        { 服务中心: centreName, 号码: number, 人数: String(ahead) },
        event.id,
      );
    },
    [LaborEvents.referralMade]: async (event, tx) => {
      const { idNumber, title } = event.data;
      await deliveries.notify(tx, idNumber, "REFERRAL_MADE", { 岗位: title }, event.id);
    },
    [LaborEvents.benefitPaid]: async (event, tx) => {
      const { idNumber, month, amountFen, monthsLeft } = event.data;
      await deliveries.notify(
        tx,
        idNumber,
        "BENEFIT_PAID",
        {
          月份: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`,
          金额: yuanOf(amountFen),
          剩余月数: String(monthsLeft),
        },
        event.id,
      );
    },
    [LaborEvents.reliefGranted]: async (event, tx) => {
      const { idNumber, campaignName, amountFen } = event.data;
      await deliveries.notify(
        tx,
        idNumber,
        "RELIEF_GRANTED",
        { 活动: campaignName, 金额: yuanOf(amountFen) },
        event.id,
      );
    },
    [HospitalEvents.inpatientDischarged]: async (event, tx) => {
      const { patientIdNumber, dischargedOn } = event.data;
      if (!patientIdNumber) return;
      await deliveries.notify(tx, patientIdNumber, "FOLLOW_UP_DUE", { 出院日期: dayOf(dischargedOn) }, event.id);
    },
  };
}
