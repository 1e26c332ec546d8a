import { In, type DataSource, type EntityManager } from "typeorm";
import { BadUserInputError, byKeys, optionalText } from "@onewindow/platform";
import { HALL } from "../messages";
import { ServiceItem } from "./service-item.entity";

/** `%` and `_` in a keyword are literal text, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The service guide: search and look-ups. */
export class CatalogueService {
  constructor(private readonly db: DataSource) {}

  /**
   * Items whose name, code or legal basis contains `keyword`, by code. A substring match works
   * for Chinese, which has no spaces to split words at: 退休 finds 企业职工退休审批.
   */
  search(keyword?: string | null): Promise<ServiceItem[]> {
    const text = optionalText(keyword, "keyword", 40);
    const query = this.db.getRepository(ServiceItem).createQueryBuilder("i").orderBy("i.code", "ASC");
    if (text) {
      const like = `%${escapeLike(text)}%`;
      query.where(
        "(i.name LIKE :like ESCAPE '\\' OR i.legal_basis LIKE :like ESCAPE '\\' OR UPPER(i.code) LIKE :upper ESCAPE '\\')",
        {
          like,
          upper: like.toUpperCase(),
        },
      );
    }
    return query.getMany();
  }

  /** Items of a batch of codes, in key order (null for unknown codes). */
  async findByCodes(codes: readonly string[]): Promise<(ServiceItem | null)[]> {
    const rows = await this.db.getRepository(ServiceItem).findBy({ code: In([...codes]) });
    return byKeys(codes, rows, (i) => i.code);
  }

  /** The item a business act names; an unknown code is the clerk's mistake. */
  static async require(tx: EntityManager, code: string, field = "itemCode"): Promise<ServiceItem> {
    const item = await tx.findOneBy(ServiceItem, { code: (code ?? "").trim().toUpperCase() });
    if (!item) throw new BadUserInputError(HALL.unknownItem.with({ code: String(code) }), field);
    return item;
  }
}
