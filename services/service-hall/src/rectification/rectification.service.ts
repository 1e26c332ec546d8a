import type { DataSource, EntityManager } from "typeorm";
import {
  BadUserInputError,
  isValidDate,
  optionalText,
  requiredText,
  toConnection,
  type Connection,
  type PageRequest,
  todayBy,
  type Clock,
} from "@onewindow/platform";
import { HALL } from "../messages";
import { HOME_CENTRE } from "../queue/centre-setting.entity";
import { requireCentre } from "../queue/centres";
import { kpiInputsChanged } from "../kpi/kpi.cache";
import { HallRectification } from "./rectification.entity";
import { RectificationSource, RectificationStatus } from "./rectification.enums";
import type { OpenRectificationInput, ResolveRectificationInput } from "./rectification.inputs";

/** What a new ledger item needs, validated. */
export interface RectificationDraft {
  source: RectificationSource;
  description: string;
  window: string | null;
  /** The centre concerned (a known code). */
  centre: string;
  evaluationId: number | null;
  /** The assessment whose point scored below its bar; absent or null for other sources. */
  assessmentId?: number | null;
  openedOn: string;
  deadline: string;
}

/** The rectification ledger (整改台账): open items with a deadline, resolve them. */
export class RectificationService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Writes a ledger item in the caller's transaction (an evaluation opens one in its own). */
  static async openIn(tx: EntityManager, draft: RectificationDraft): Promise<HallRectification> {
    const item = tx.create(HallRectification, {
      ...draft,
      assessmentId: draft.assessmentId ?? null,
      status: RectificationStatus.OPEN,
      resolvedOn: null,
      action: null,
    });
    await tx.save(item);
    await kpiInputsChanged(tx, [item.centre], [item.openedOn, item.deadline]);
    return item;
  }

  async open(input: OpenRectificationInput): Promise<HallRectification> {
    const openedOn = todayBy(this.clock);
    const source = input.source ?? RectificationSource.COMPLAINT;
    if (!Object.values(RectificationSource).includes(source))
      throw new BadUserInputError(HALL.unknownSource.with({ source }), "source");
    if (!isValidDate(input.deadline))
      throw new BadUserInputError(HALL.dateNotExisting.with({ date: input.deadline }), "deadline");
    if (input.deadline < openedOn)
      throw new BadUserInputError(HALL.deadlinePast.with({ deadline: input.deadline, today: openedOn }), "deadline");
    const description = requiredText(input.description, "description", 500);
    const window = optionalText(input.window, "window", 20);
    return this.db.transaction(async (tx) => {
      const centre = await requireCentre(tx, input.centre ?? HOME_CENTRE);
      const draft: RectificationDraft = {
        source,
        description,
        window,
        centre: centre.code,
        evaluationId: null,
        openedOn,
        deadline: input.deadline,
      };
      return RectificationService.openIn(tx, draft);
    });
  }

  async resolve(input: ResolveRectificationInput): Promise<HallRectification> {
    const text = String(input.id ?? "").trim();
    if (!/^\d{1,12}$/.test(text))
      throw new BadUserInputError(HALL.notALedgerNumber.with({ value: String(input.id) }), "id");
    const resolvedOn = input.resolvedOn;
    if (!isValidDate(resolvedOn))
      throw new BadUserInputError(HALL.dateNotExisting.with({ date: resolvedOn }), "resolvedOn");
    if (resolvedOn > todayBy(this.clock))
      throw new BadUserInputError(HALL.resolvedInFuture.with({ resolvedOn }), "resolvedOn");
    const action = requiredText(input.action, "action", 500);
    return this.db.transaction(async (tx) => {
      const item = await tx.findOneBy(HallRectification, { id: Number(text) });
      if (!item) throw new BadUserInputError(HALL.noRectification.with({ id: text }), "id");
      if (item.status === RectificationStatus.RESOLVED)
        throw new BadUserInputError(
          HALL.rectificationResolved.with({ id: item.id, resolvedOn: String(item.resolvedOn) }),
          "id",
        );
      if (resolvedOn < item.openedOn)
        throw new BadUserInputError(
          HALL.resolvedBeforeOpened.with({ resolvedOn, openedOn: item.openedOn }),
          "resolvedOn",
        );
      Object.assign(item, { status: RectificationStatus.RESOLVED, resolvedOn, action });
      await tx.update(HallRectification, { id: item.id }, { status: item.status, resolvedOn, action });
      await kpiInputsChanged(tx, [item.centre], [item.openedOn, item.deadline, resolvedOn]);
      return item;
    });
  }

  /** The ledger, earliest deadline first, optionally only open or only resolved items. */
  async list(
    status: RectificationStatus | null | undefined,
    page: PageRequest,
  ): Promise<Connection<HallRectification>> {
    const query = this.db
      .getRepository(HallRectification)
      .createQueryBuilder("r")
      .orderBy("r.deadline", "ASC")
      .addOrderBy("r.id", "ASC");
    if (status) query.where("r.status = :status", { status });
    const [rows, total] = await query.skip(page.offset).take(page.limit).getManyAndCount();
    return toConnection(rows, total, page);
  }
}
