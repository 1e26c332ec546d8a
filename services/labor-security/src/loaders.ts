import { loaderFor, type RequestContext } from "@onewindow/platform";
import type { Citizen } from "./citizen/citizen.entity";
import type { Employer } from "./employer/employer.entity";
import type { Services } from "./services";

/** The request-scoped batch loaders of labor security: one query per batch, never per entity. */
export const loaders = {
  citizen: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Citizen>(ctx, "citizen", (ids) => s.citizens.findByIds(ids)),
  employer: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Employer>(ctx, "employer", (ids) => s.employers.findByIds(ids)),
};
