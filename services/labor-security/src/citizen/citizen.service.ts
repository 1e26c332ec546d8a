import { In, type SelectQueryBuilder } from "typeorm";
import {
  plainEntity,
  runPrepared,
  runSql,
  BadUserInputError,
  ConflictError,
  addDays,
  ageOn,
  isUniqueViolation,
  optionalText,
  parseIdNumber,
  requiredText,
  todayBy,
  toKeysetConnection,
  type KeysetPageRequest,
} from "@onewindow/platform";
import { LABOR } from "../messages";
import { PersonRecordService } from "../person-record.service";
import { LaborEvents } from "@onewindow/contracts";
import { RetirementCategory } from "../retirement-age/retirement-age.enums";
import { Employment } from "../employment/employment.entity";
import { RegistrationStatus, UnemploymentRegistration } from "../unemployment/unemployment-registration.entity";
import { AssistanceCategory, EmploymentStatus, Gender } from "./citizen.enums";
import { Citizen } from "./citizen.entity";
import { citizenFor } from "../employment/employment.service";
import type { CitizenFilter, RecordRetirementCategoryInput, RegisterCitizenInput } from "./citizen.inputs";
import { CitizenRecordReader, type CitizenParts, type CitizenRecord } from "./citizen-record.reader";

/** A citizen's record with their assistance groups worked out (when the parts asked for them). */
export interface CitizenRecordWithGroups extends CitizenRecord {
  categories?: AssistanceCategory[];
}

/** Citizens: registration, look-up, lists and employment-assistance categories. */
export class CitizenService extends PersonRecordService {
  private readonly reader = new CitizenRecordReader(this.db);

  /**
   * Citizens with the records `parts` names, in one statement for the whole batch, in key order
   * (null when unknown); with `assistance`, their groups as {@link categoriesOf} says them.
   */
  async records(idNumbers: readonly string[], parts: CitizenParts): Promise<(CitizenRecordWithGroups | null)[]> {
    const records: (CitizenRecordWithGroups | null)[] = await this.reader.read(idNumbers, parts);
    if (parts.assistance) {
      const day = todayBy(this.clock);
      for (const record of records) {
        if (!record) continue;
        const { citizen, assistance } = record;
        record.categories = this.categoriesFrom(
          citizen,
          day,
          // Only the unemployed can be in a group: their rule decides when the groups end.
          () =>
            this.retirementAges.scheduleWith(
              new Map(assistance!.rule ? [[assistance!.rule.code, assistance!.rule]] : []),
              citizen,
            ).statutoryDate,
          assistance!.openRegistrationOn,
          assistance!.householdWorking,
        );
      }
    }
    return records;
  }
  async register(input: RegisterCitizenInput): Promise<Citizen> {
    const id = parseIdNumber(input.idNumber);
    const citizen = this.db.manager.create(Citizen, {
      idNumber: id.idNumber,
      name: requiredText(input.name, "name", 50),
      gender: id.gender as Gender,
      birthDate: id.birthDate,
      community: optionalText(input.community, "community", 60),
      address: optionalText(input.address, "address", 200),
      educationLevel: input.educationLevel ?? null,
      housingStatus: input.housingStatus ?? null,
      household: optionalText(input.household, "household", 40),
      employmentStatus: EmploymentStatus.NOT_REGISTERED,
      retirementCategory: input.retirementCategory ?? null,
      registeredAt: this.clock().toISOString(),
    });
    try {
      return await this.db.transaction(async (tx) => {
        if (await tx.existsBy(Citizen, { idNumber: id.idNumber })) throw this.alreadyRegistered(id.idNumber);
        await tx.insert(Citizen, citizen);
        await this.events.publish(tx, {
          type: LaborEvents.citizenRegistered,
          subject: citizen.idNumber,
          data: {
            idNumber: citizen.idNumber,
            name: citizen.name,
            birthDate: citizen.birthDate,
            gender: citizen.gender,
          },
        });
        return citizen;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw this.alreadyRegistered(id.idNumber);
      throw err;
    }
  }

  /** Records the post category that decides a woman's statutory retirement age. */
  async recordRetirementCategory(input: RecordRetirementCategoryInput): Promise<Citizen> {
    const { idNumber } = parseIdNumber(input.idNumber);
    const category = input.retirementCategory;
    if (!Object.values(RetirementCategory).includes(category)) {
      throw new BadUserInputError(LABOR.retirementCategoryUnknown, "retirementCategory");
    }
    return this.db.transaction(async (tx) => {
      const citizen = await citizenFor(tx, idNumber);
      if (citizen.employmentStatus === EmploymentStatus.RETIRED) {
        throw new ConflictError(LABOR.retirementCategoryAfterRetirement.with({ idNumber }));
      }
      await tx.update(Citizen, { idNumber }, { retirementCategory: category });
      citizen.retirementCategory = category;
      return citizen;
    });
  }

  private alreadyRegistered(idNumber: string): ConflictError {
    return new ConflictError(LABOR.citizenAlreadyRegistered.with({ idNumber }));
  }

  /** Citizens by ID number, one query for the whole batch, in key order (null when unknown). */
  async findByIds(idNumbers: readonly string[]): Promise<(Citizen | null)[]> {
    return (await this.reader.read(idNumbers)).map((record) => record?.citizen ?? null);
  }

  /**
   * A page of citizens in ID-number order, after the cursor's ID number: an index range scan,
   * as cheap on the last page as on the first. The total is counted only when asked for.
   */
  async list(filter: CitizenFilter | null | undefined, page: KeysetPageRequest) {
    if (!filter?.assistanceCategory) return this.listPlain(filter, page);
    const filtered = async () => {
      const query = this.db.getRepository(Citizen).createQueryBuilder("c");
      if (filter?.community) query.andWhere("c.community = :community", { community: filter.community });
      if (filter?.employmentStatus)
        query.andWhere("c.employment_status = :status", { status: filter.employmentStatus });
      if (filter?.assistanceCategory) await this.whereCategory(query, filter.assistanceCategory);
      return query;
    };
    const query = await filtered();
    if (page.after !== null) query.andWhere("c.id_number > :after", { after: page.after });
    const rows = await query
      .orderBy("c.id_number")
      .limit(page.limit + 1)
      .getMany();
    return toKeysetConnection(
      rows,
      (c) => c.idNumber,
      page,
      async () => (await filtered()).getCount(),
    );
  }

  /**
   * {@link list} without an assistance group, in plain SQL: the page every window's list shows,
   * where TypeORM's builder and entity mapping were most of the department's CPU.
   */
  private async listPlain(filter: CitizenFilter | null | undefined, page: KeysetPageRequest) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.community) {
      where.push("c.community = ?");
      params.push(filter.community);
    }
    if (filter?.employmentStatus) {
      where.push("c.employment_status = ?");
      params.push(filter.employmentStatus);
    }
    const whereSql = (extra: string[]) => (extra.length ? `WHERE ${extra.join(" AND ")}` : "");
    const after = page.after === null ? [] : ["c.id_number > ?"];
    const rows = await runPrepared(
      this.db,
      `SELECT ${plainEntity(this.db, Citizen).columns("c")} FROM citizen c ${whereSql([...where, ...after])} ORDER BY c.id_number LIMIT ?`,
      [...params, ...(page.after === null ? [] : [page.after]), page.limit + 1],
    );
    return toKeysetConnection(
      rows.map((row) => plainEntity(this.db, Citizen).from(row)!),
      (c) => c.idNumber,
      page,
      async () => {
        const [{ n }] = await runSql<{ n: unknown }>(
          this.db.manager,
          `SELECT COUNT(*) AS n FROM citizen c ${whereSql(where)}`,
          params,
        );
        return Number(n);
      },
    );
  }

  /**
   * The SQL form of {@link categoriesOf} on the citizen alias `c`, so that lists can filter by
   * category; `null`: in any of the groups (the outreach list).
   */
  async whereCategory(query: SelectQueryBuilder<Citizen>, category: AssistanceCategory | null): Promise<void> {
    const day = todayBy(this.clock);
    query.andWhere("c.employment_status = :unemployed", { unemployed: EmploymentStatus.UNEMPLOYED });
    // Nobody at or past their statutory retirement date is in a group (the groups are registered
    // unemployed people, and registration is for people 在法定劳动年龄内, 就业服务与就业管理规定
    // 第六十三条): per table, a birth date on or before the cut-off has reached that date.
    const cutoffs = await this.retirementAges.lastBirthDatesRetiredBy(day);
    const never = "0000-01-01";
    query.andWhere(
      `NOT ((c.gender = 'MALE' AND c.birth_date <= :retiredMale)
        OR (c.gender = 'FEMALE' AND c.retirement_category = 'CADRE' AND c.birth_date <= :retiredCadre)
        OR (c.gender = 'FEMALE' AND (c.retirement_category IS NULL OR c.retirement_category <> 'CADRE') AND c.birth_date <= :retiredWorker))`,
      {
        retiredMale: cutoffs.get("MALE") ?? never,
        retiredCadre: cutoffs.get("FEMALE_CADRE") ?? never,
        retiredWorker: cutoffs.get("FEMALE_WORKER") ?? never,
      },
    );
    const groups: Record<AssistanceCategory, string> = {
      [AssistanceCategory.FORTY_FIFTY]:
        "((c.gender = 'FEMALE' AND c.birth_date <= :born40) OR (c.gender = 'MALE' AND c.birth_date <= :born50))",
      [AssistanceCategory.LONG_TERM_UNEMPLOYED]:
        "EXISTS (SELECT 1 FROM unemployment_registration u WHERE u.id_number = c.id_number AND u.status = 'OPEN' AND u.registered_on <= :yearAgo)",
      [AssistanceCategory.ZERO_EMPLOYMENT_FAMILY]:
        "(c.household IS NOT NULL AND NOT EXISTS (SELECT 1 FROM citizen m WHERE m.household = c.household AND m.employment_status = 'EMPLOYED'))",
    };
    query.andWhere(category ? groups[category] : `(${Object.values(groups).join(" OR ")})`, {
      born40: `${Number(day.slice(0, 4)) - 40}${day.slice(4)}`,
      born50: `${Number(day.slice(0, 4)) - 50}${day.slice(4)}`,
      yearAgo: addDays(day, -365),
    });
  }

  /**
   * Employment-assistance categories for a batch of citizens, with two queries for the whole
   * batch: their open unemployment registrations and their households' employed members.
   */
  async categoriesOf(citizens: readonly Citizen[]): Promise<AssistanceCategory[][]> {
    const unemployed = citizens.filter((c) => c.employmentStatus === EmploymentStatus.UNEMPLOYED);
    if (unemployed.length === 0) return citizens.map(() => []);
    const registrations = await this.db.getRepository(UnemploymentRegistration).findBy({
      idNumber: In(unemployed.map((c) => c.idNumber)),
      status: RegistrationStatus.OPEN,
    });
    const registeredOn = new Map(registrations.map((r) => [r.idNumber, r.registeredOn]));
    const households = [...new Set(unemployed.map((c) => c.household).filter((h): h is string => !!h))];
    const working = new Set<string>();
    if (households.length > 0) {
      const rows = await this.db
        .getRepository(Citizen)
        .createQueryBuilder("m")
        .select("DISTINCT m.household", "household")
        .where("m.household IN (:...households)", { households })
        .andWhere("m.employment_status = :employed", { employed: EmploymentStatus.EMPLOYED })
        .getRawMany<{ household: string }>();
      for (const r of rows) working.add(r.household);
    }
    const day = todayBy(this.clock);
    const rules = await this.retirementAges.ruleMap();
    return citizens.map((c) =>
      this.categoriesFrom(
        c,
        day,
        () => this.retirementAges.scheduleWith(rules, c).statutoryDate,
        registeredOn.get(c.idNumber) ?? null,
        !!c.household && working.has(c.household),
      ),
    );
  }

  /**
   * The assistance groups of `c` on `day`: `statutoryDate` (asked only of the unemployed), the day
   * of their open unemployment registration, and whether someone of their household works.
   */
  private categoriesFrom(
    c: Citizen,
    day: string,
    statutoryDate: () => string,
    openRegistrationOn: string | null,
    householdWorking: boolean,
  ): AssistanceCategory[] {
    if (c.employmentStatus !== EmploymentStatus.UNEMPLOYED) return [];
    // The groups end at the statutory retirement date (see whereCategory); a registration left
    // open past it tags nobody.
    if (day >= statutoryDate()) return [];
    const categories: AssistanceCategory[] = [];
    const age = ageOn(c.birthDate, day);
    if ((c.gender === Gender.FEMALE && age >= 40) || (c.gender === Gender.MALE && age >= 50)) {
      categories.push(AssistanceCategory.FORTY_FIFTY);
    }
    if (c.household && !householdWorking) categories.push(AssistanceCategory.ZERO_EMPLOYMENT_FAMILY);
    if (openRegistrationOn && openRegistrationOn <= addDays(day, -365))
      categories.push(AssistanceCategory.LONG_TERM_UNEMPLOYED);
    return categories;
  }

  /** Statutory retirement schedules of a batch of citizens, in order (one query for the rules). */
  retirementSchedules(citizens: readonly Citizen[]) {
    return this.retirementAges.schedulesOf(citizens);
  }

  /** Current jobs (no end date) for a batch of citizens, in key order. */
  async currentEmployments(idNumbers: readonly string[]): Promise<(Employment | null)[]> {
    const rows = await this.db
      .getRepository(Employment)
      .createQueryBuilder("e")
      .where("e.id_number IN (:...ids)", { ids: [...idNumbers] })
      .andWhere("e.end_date IS NULL")
      .getMany();
    const byId = new Map(rows.map((e) => [e.idNumber, e]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }
}
