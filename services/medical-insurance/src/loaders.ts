import { loaderFor, type Connection, type PageRequest, type RequestContext } from "@onewindow/platform";
import type { Claim } from "./claim/claim.entity";
import type { Enrolment } from "./enrolment/enrolment.entity";
import type { EmployerTotals } from "./enrolment/enrolment.service";
import type { Services } from "./services";

/** The request-scoped batch loaders of medical insurance: one query per batch, never per entity. */
export const loaders = {
  activeEnrolment: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Enrolment>(ctx, "activeEnrolment", (ids) => s.enrolments.activeFor(ids)),
  employerTotals: (ctx: RequestContext, s: Services) =>
    loaderFor<string, EmployerTotals>(ctx, "employerTotals", (codes) => s.enrolments.employerTotals(codes)),
  // Every citizen in one batch asks with the same first/after, so the page is part of the loader's name.
  claimPage: (ctx: RequestContext, s: Services, page: PageRequest) =>
    loaderFor<string, Connection<Claim>>(ctx, `claimPage:${page.offset}:${page.limit}`, (ids) =>
      s.claims.pagesFor(ids, page),
    ),
};
