import { listText } from "@onewindow/contracts/i18n";
import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  optionalText,
  pagesPerPerson,
  parseIdNumber,
  requiredText,
  toKeysetConnection,
  todayBy,
  type Clock,
  type Connection,
  type KeysetPageRequest,
  type PageRequest,
} from "@onewindow/platform";
import type { BenefitService } from "../benefit/benefit.service";
import { Citizen } from "../citizen/citizen.entity";
import type { AssistanceCategory } from "../citizen/citizen.enums";
import type { CitizenService } from "../citizen/citizen.service";
import { citizenFor } from "../employment/employment.service";
import type { JobSeekerService } from "../job-seeker/job-seeker.service";
import type { TrainingService } from "../training/training.service";
import { OutreachDue, OutreachEntry, OutreachVisit } from "./outreach.entity";
import { OutreachChannel, OutreachDueKind, OutreachKind } from "./outreach.enums";
import type { RecordOutreachVisitInput } from "./outreach.inputs";
import { LABOR, LABOR_OUTREACH } from "../messages";

/** At most this many people on one page of the outreach list: each brings its matches and course look-ups. */
export const OUTREACH_PAGE_MAX = 50;

/** The person's last contact (the index by person and day answers it). */
const LAST_CONTACT = "(SELECT MAX(v.visited_on) FROM outreach_visit v WHERE v.id_number = c.id_number)";
/**
 * The day the wait counts from: the last contact, else the open unemployment registration, else
 * the day the person was registered here. Text (YYYY-MM-DD) on both databases, so it sorts and
 * concatenates alike.
 */
const WAITING_SINCE = `COALESCE(CAST(${LAST_CONTACT} AS varchar(10)),
  CAST((SELECT MIN(u.registered_on) FROM unemployment_registration u WHERE u.id_number = c.id_number AND u.status = 'OPEN') AS varchar(10)),
  SUBSTR(c.registered_at, 1, 10))`;
/**
 * The list's order as one string: never contacted ('0') before contacted ('1'), then the oldest
 * day, then the ID number (a stable tie-break). Every part has a fixed width, so the string
 * orders as the three parts do, and a keyset cursor is one comparison.
 */
const POSITION = `(CASE WHEN ${LAST_CONTACT} IS NULL THEN '0' ELSE '1' END) || '|' || ${WAITING_SINCE} || '|' || c.id_number`;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

function oneOf<T extends string>(values: Record<string, T>, value: string, field: string): T {
  if (!(Object.values(values) as string[]).includes(value)) {
    const allowed = Object.values(values);
    throw new BadUserInputError(LABOR.oneOf.with({ value, allowed: listText(allowed) }), field);
  }
  return value as T;
}

/** Outreach (送政策 / 民情直通车): who to reach next in a community, what is due for them, and the contacts made. */
export class OutreachService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly citizens: CitizenService,
    private readonly jobSeekers: JobSeekerService,
    private readonly training: TrainingService,
    private readonly benefits: BenefitService,
  ) {}

  /** Records a contact made today. */
  async record(input: RecordOutreachVisitInput): Promise<OutreachVisit> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const kind = oneOf(OutreachKind, input.kind, "kind");
    const channel = oneOf(OutreachChannel, input.channel, "channel");
    const outcome = optionalText(input.outcome, "outcome", 200);
    const note = optionalText(input.note, "note", 500);
    return this.db.transaction(async (tx) => {
      const citizen = await citizenFor(tx, idNumber);
      return tx.save(
        tx.create(OutreachVisit, {
          idNumber,
          kind,
          channel,
          outcome,
          note,
          visitedOn: todayBy(this.clock),
          community: citizen.community,
        }),
      );
    });
  }

  /**
   * A page of the people of `community` in an assistance group (`category`, or any group when
   * null), who has waited longest first: the never contacted (oldest registration first), then
   * the oldest last contact; ties by ID number. The database orders and cuts the page; only the
   * page's people are read. The total is counted only when asked for.
   */
  async list(
    communityInput: string,
    category: AssistanceCategory | null,
    page: KeysetPageRequest,
  ): Promise<Connection<OutreachEntry>> {
    const community = requiredText(communityInput, "community", 60);
    const filtered = async () => {
      const query = this.db.getRepository(Citizen).createQueryBuilder("c").where("c.community = :community", {
        community,
      });
      await this.citizens.whereCategory(query, category);
      return query;
    };
    const query = await filtered();
    if (page.after !== null) query.andWhere(`${POSITION} > :after`, { after: page.after });
    const rows = await query
      .select("c.id_number", "idNumber")
      .addSelect(`CAST(${LAST_CONTACT} AS varchar(10))`, "lastContactOn")
      .addSelect(WAITING_SINCE, "waitingSince")
      .addSelect(POSITION, "position")
      .orderBy(POSITION, "ASC")
      .limit(page.limit + 1)
      .getRawMany<{ idNumber: string; lastContactOn: string | null; waitingSince: string; position: string }>();
    const people = await this.citizens.findByIds(rows.map((r) => r.idNumber));
    const today = todayBy(this.clock);
    const entries = rows.map((r, i) =>
      Object.assign(new OutreachEntry(), {
        citizen: people[i]!,
        lastContactOn: r.lastContactOn,
        waitingSince: r.waitingSince,
        waitingDays: Math.max(0, dayNumber(today) - dayNumber(r.waitingSince)),
        position: r.position,
      }),
    );
    return toKeysetConnection(
      entries,
      (e) => e.position,
      page,
      async () => (await filtered()).getCount(),
    );
  }

  /**
   * What is due for each entry of a page (at most {@link OUTREACH_PAGE_MAX}): the best open posting
   * that suits the person and to which they are not referred (matching itself), the open course of a
   * trade they want or have in which they are not enrolled (one indexed query each), and
   * unemployment benefit they are eligible for and have not claimed.
   */
  async due(entries: readonly OutreachEntry[]): Promise<OutreachDue[][]> {
    const ids = entries.map((e) => e.citizen.idNumber);
    const profiles = await this.jobSeekers.findByIds(ids);
    const benefits = await this.benefits.ofCitizens(ids);
    return Promise.all(
      entries.map(async ({ citizen }, i) => {
        const due: OutreachDue[] = [];
        const [match] = await this.jobSeekers.matches(citizen, 1);
        if (match) {
          due.push(
            Object.assign(new OutreachDue(), {
              kind: OutreachDueKind.JOB_MATCH,
              // The match's reasons are the window's Chinese, and so is this text.
              text: LABOR_OUTREACH.jobMatch.with({ title: match.posting.title, reasons: match.reasons.join("；") }).zh,
              postingId: String(match.posting.id),
              courseId: null,
            }),
          );
        }
        const profile = profiles[i];
        const course = await this.training.fittingCourse(citizen.idNumber, [
          ...new Set([...(profile?.desiredIndustries ?? []), ...(profile?.skills ?? [])]),
        ]);
        if (course) {
          due.push(
            Object.assign(new OutreachDue(), {
              kind: OutreachDueKind.TRAINING_COURSE,
              text: LABOR_OUTREACH.trainingCourse.with({
                provider: course.provider,
                title: course.title,
                startDate: course.startDate,
                seatsLeft: course.seatsLeft,
                subsidy: course.subsidy,
              }).zh,
              postingId: null,
              courseId: String(course.id),
            }),
          );
        }
        const benefit = benefits[i];
        if (benefit.eligible && !benefit.claimed) {
          due.push(
            Object.assign(new OutreachDue(), {
              kind: OutreachDueKind.BENEFIT_CLAIM,
              text: LABOR_OUTREACH.benefitClaim.with({
                monthlyAmount: benefit.monthlyAmount,
                months: benefit.entitlementMonths,
              }).zh,
              postingId: null,
              courseId: null,
            }),
          );
        }
        return due;
      }),
    );
  }

  /** One page of contacts (newest first) for each person in a batch, all by the same page request. */
  pagesFor(idNumbers: readonly string[], page: PageRequest): Promise<Connection<OutreachVisit>[]> {
    return pagesPerPerson(this.db.getRepository(OutreachVisit), "visited_on", idNumbers, page);
  }
}
