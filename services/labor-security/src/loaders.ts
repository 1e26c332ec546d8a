import { loaderFor, type RequestContext } from "@onewindow/platform";
import type { Citizen } from "./citizen/citizen.entity";
import type { AssistanceCategory } from "./citizen/citizen.enums";
import type { CitizenParts } from "./citizen/citizen-record.reader";
import type { Employer } from "./employer/employer.entity";
import type { Employment } from "./employment/employment.entity";
import type { Retirement } from "./retirement/retirement.entity";
import type { Services } from "./services";
import type { UnemploymentRegistration } from "./unemployment/unemployment-registration.entity";

/** The request-scoped batch loaders of labor security: one query per batch, never per entity. */
export const loaders = {
  citizen: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Citizen>(ctx, "citizen", (ids) => s.citizens.findByIds(ids)),
  employer: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Employer>(ctx, "employer", (ids) => s.employers.findByIds(ids)),
  currentEmployment: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Employment>(ctx, "currentEmployment", (ids) => s.citizens.currentEmployments(ids)),
  unemployment: (ctx: RequestContext, s: Services) =>
    loaderFor<string, UnemploymentRegistration>(ctx, "unemployment", (ids) => s.unemployment.latest(ids)),
  retirement: (ctx: RequestContext, s: Services) =>
    loaderFor<string, Retirement>(ctx, "retirement", (ids) => s.retirements.findByIds(ids)),
  /** Keyed by the citizen object the field resolvers get as their root. */
  assistance: (ctx: RequestContext, s: Services) =>
    loaderFor<Citizen, AssistanceCategory[]>(ctx, "assistance", (cs) => s.citizens.categoriesOf(cs)),

  /**
   * Citizens read with the records `parts` names, in one statement per batch: the loaders above
   * are primed with them, so the fields that show them read nothing more.
   */
  citizenWith: (ctx: RequestContext, s: Services, parts: CitizenParts) => {
    const name = `citizenWith:${Object.keys(parts)
      .filter((p) => parts[p as keyof CitizenParts])
      .join(",")}`;
    return loaderFor<string, Citizen>(ctx, name, async (ids) => {
      const records = await s.citizens.records(ids, parts);
      return records.map((record, i) => {
        if (!record) return null;
        const { citizen } = record;
        if (record.employment !== undefined) {
          loaders.currentEmployment(ctx, s).prime(ids[i], record.employment);
          if (record.employer) loaders.employer(ctx, s).prime(record.employer.creditCode, record.employer);
        }
        if (record.unemployment !== undefined) loaders.unemployment(ctx, s).prime(ids[i], record.unemployment);
        if (record.retirement !== undefined) loaders.retirement(ctx, s).prime(ids[i], record.retirement);
        if (record.categories !== undefined) loaders.assistance(ctx, s).prime(citizen, record.categories);
        return citizen;
      });
    });
  },
};
