import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  connectionType,
  keysetPageRequest,
  loaderFor,
  PageArgs,
  pageRequest,
  type Connection,
  type RequestContext,
} from "@onewindow/platform";
import { EMPLOYMENT_AID_WRITERS, LABOR_RECORD_READERS, OUTREACH_LIST_READERS } from "../access";
import { Citizen } from "../citizen/citizen.entity";
import { AssistanceCategory } from "../citizen/citizen.enums";
import type { Services } from "../services";
import { OutreachDue, OutreachEntry, OutreachVisit } from "./outreach.entity";
import { RecordOutreachVisitInput } from "./outreach.inputs";
import { OUTREACH_PAGE_MAX } from "./outreach.service";

export const OutreachEntryConnection = connectionType("OutreachEntry", OutreachEntry, "outreach entry");
export const OutreachVisitConnection = connectionType("OutreachVisit", OutreachVisit, "outreach contact");

@Resolver(() => OutreachEntry)
export class OutreachResolver {
  constructor(private readonly s: Services) {}

  @Authorized(OUTREACH_LIST_READERS)
  @Query(() => OutreachEntryConnection, {
    description: `The people of a community in an assistance group, who has waited longest since the last contact first (never contacted first), with what is due for them; at most ${OUTREACH_PAGE_MAX} a page. Analysts may ask for the totalCount only.`,
  })
  async outreachList(
    @Arg("community", () => String, { description: "The community (社区)." }) community: string,
    @Arg("category", () => AssistanceCategory, {
      nullable: true,
      description: "Only this assistance group; null: anyone in a group.",
    })
    category: AssistanceCategory | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // As `citizens`: anything but totalCount reads the persons listed, refused before the query.
    ctx.access.listing(info);
    const page = await this.s.outreach.list(
      community,
      category ?? null,
      keysetPageRequest(first, after, ctx.cursors.forField(info), OUTREACH_PAGE_MAX),
    );
    const ids = page.edges.map((e) => e.node.citizen.idNumber);
    ctx.access.readPage(ids, info, "OutreachEntry");
    ctx.access.read(ids, info, "Citizen");
    return page;
  }

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => [OutreachDue], {
    description:
      "What is due: a suitable posting not yet referred, an open course that fits, unemployment benefit not claimed.",
  })
  async due(@Root() entry: OutreachEntry, @Ctx() ctx: RequestContext): Promise<OutreachDue[]> {
    return (
      (await loaderFor<OutreachEntry, OutreachDue[]>(ctx, "outreachDue", (es) => this.s.outreach.due(es)).load(
        entry,
      )) ?? []
    );
  }
}

@Resolver(() => OutreachVisit)
export class OutreachVisitResolver {
  constructor(private readonly s: Services) {}

  @Authorized(EMPLOYMENT_AID_WRITERS)
  @Mutation(() => OutreachVisit, {
    description:
      "Records a contact made today with a person (送政策 / 民情直通车); the person moves to the end of the outreach list.",
  })
  recordOutreachVisit(
    @Arg("input", () => RecordOutreachVisitInput) input: RecordOutreachVisitInput,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OutreachVisit> {
    ctx.access.readBeforeWrite(input.idNumber, info, "OutreachVisit");
    return this.s.outreach.record(input);
  }
}

/** A citizen's contacts with the centre (the root `citizen` read checks and records them). */
@Resolver(() => Citizen)
export class CitizenOutreachResolver {
  constructor(private readonly s: Services) {}

  @Authorized(LABOR_RECORD_READERS)
  @FieldResolver(() => OutreachVisitConnection, { description: "The centre's contacts with the person, newest first." })
  outreach(
    @Root() citizen: Citizen,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<OutreachVisit> | null> {
    const page = pageRequest(first, after, ctx.cursors.forField(info));
    // Every citizen in one batch asks with the same first/after, so the page is part of the loader's name.
    return loaderFor<string, Connection<OutreachVisit>>(ctx, `outreachPage:${page.offset}:${page.limit}`, (ids) =>
      this.s.outreach.pagesFor(ids, page),
    ).load(citizen.idNumber);
  }
}
