import { loaderFor, type Connection, type PageRequest, type RequestContext } from "@onewindow/platform";
import type { HallCase } from "./case/case.entity";
import type { CaseTask } from "./case/case-task.entity";
import type { ServiceItem } from "./catalogue/service-item.entity";
import type { Services } from "./services";

/** The request-scoped batch loaders of the service hall: one query per batch, never per entity. */
export const loaders = {
  item: (ctx: RequestContext, s: Services) =>
    loaderFor<string, ServiceItem>(ctx, "serviceItem", (codes) => s.catalogue.findByCodes(codes)),
  hallCase: (ctx: RequestContext, s: Services) =>
    loaderFor<number, HallCase>(ctx, "hallCase", (ids) => s.caseQueries.findByIds(ids)),
  tasks: (ctx: RequestContext, s: Services) =>
    loaderFor<number, CaseTask[]>(ctx, "caseTasks", (ids) => s.caseQueries.tasksOf(ids)),
  // Every citizen in one batch asks with the same first/after, so the page is part of the loader's name.
  casePage: (ctx: RequestContext, s: Services, page: PageRequest) =>
    loaderFor<string, Connection<HallCase>>(ctx, `casePage:${page.offset}:${page.limit}`, (ids) =>
      s.caseQueries.pagesFor(ids, page),
    ),
};
