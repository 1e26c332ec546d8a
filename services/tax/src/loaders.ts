import { loaderFor, type Connection, type PageRequest, type RequestContext } from "@onewindow/platform";
import type { TaxReturn } from "./tax-return/tax-return.entity";
import type { TaxSummary } from "./tax-return/tax-summary.type";
import type { Services } from "./services";
import type { WithholdingReturn } from "./withholding/withholding-return.entity";

/**
 * The request-scoped batch loaders of the tax department: one query per batch, never per
 * citizen or employer. Arguments are part of the loader name, so one batch shares them.
 */
export const loaders = {
  taxSummary: (ctx: RequestContext, s: Services, year: number) =>
    loaderFor<string, TaxSummary>(ctx, `taxSummary:${year}`, (ids) => s.taxReturns.summaries(ids, year)),
  taxReturns: (ctx: RequestContext, s: Services) =>
    loaderFor<string, TaxReturn[]>(ctx, "taxReturns", (ids) => s.taxReturns.histories(ids)),
  withholdingReturns: (ctx: RequestContext, s: Services, page: PageRequest, includeSuperseded: boolean) =>
    loaderFor<string, Connection<WithholdingReturn>>(
      ctx,
      `withholdingReturns:${page.offset}:${page.limit}:${includeSuperseded}`,
      (codes) => s.withholdingReturns.pages(codes, page, includeSuperseded),
    ),
  arrears: (ctx: RequestContext, s: Services) =>
    loaderFor<string, number>(ctx, "taxArrears", (codes) => s.withholdingReturns.arrears(codes)),
};
