import { Arg, Query, Resolver } from "type-graphql";
import type { Services } from "../services";
import { ServiceItem } from "./service-item.entity";

@Resolver(() => ServiceItem)
export class CatalogueResolver {
  constructor(private readonly s: Services) {}

  // Public: the guide is published for everyone (no @Authorized, on PUBLIC_ROOT_FIELDS).
  @Query(() => [ServiceItem], { description: "The service guide (办事指南), by code; public." })
  serviceItems(
    @Arg("keyword", () => String, {
      nullable: true,
      description: "Only items whose name, code or legal basis contains it, e.g. 退休.",
    })
    keyword: string | null,
  ): Promise<ServiceItem[]> {
    return this.s.catalogue.search(keyword);
  }
}
