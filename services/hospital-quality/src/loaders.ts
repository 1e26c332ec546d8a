import { loaderFor, type RequestContext } from "@onewindow/platform";
import type { Hospital } from "./hospital/hospital.entity";
import type { Services } from "./services";

/** The request-scoped batch loaders of hospital quality: one query per batch, never per entity. */
export const loaders = {
  hospital: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Hospital>(ctx, "hospital", (codes) => s.hospitals.findByCodes(codes)),
  departments: (ctx: RequestContext, s: Services) =>
    loaderFor<string, string[]>(ctx, "hospitalDepartments", (codes) => s.hospitals.departmentsOf(codes)),
};
