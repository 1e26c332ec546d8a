import { describe, it } from "@jest/globals";
import assert from "node:assert/strict";
import {
  GraphQLEnumType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  type GraphQLEnumValue,
} from "graphql";
import { ENUM_LABELS } from "@onewindow/contracts/i18n";
import { Authorized, Field, ObjectType, Query, Resolver, registerEnumType } from "type-graphql";
import { ANONYMOUS, type Role } from "@onewindow/contracts";
import { buildFederatedSchema, labelEnumValues } from "./federation";

/** A schema with one enum whose internal values differ from their names, as type-graphql's do. */
function schemaWith(values: Record<string, { value: number; description?: string }>): GraphQLSchema {
  const Status = new GraphQLEnumType({ name: "Status", description: "Where it stands.", values });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: { status: { type: Status, resolve: () => 2 }, name: { type: GraphQLString } },
    }),
  });
}

const descriptions = (schema: GraphQLSchema, type: string) =>
  Object.fromEntries(
    (schema.getType(type) as GraphQLEnumType).getValues().map((v: GraphQLEnumValue) => [v.name, v.description]),
  );

describe("labelEnumValues: each enum value's Chinese label first in its description", () => {
  const labels = { Status: { OPEN: "办理中", COMPLETED: "已办结", HELD: "暂缓" } };

  it("puts the label before the description, stands alone without one, and leaves a description that opens with it", async () => {
    const labelled = labelEnumValues(
      schemaWith({
        OPEN: { value: 1, description: "Accepted and not yet completed." },
        COMPLETED: { value: 2 },
        HELD: { value: 3, description: "暂缓: sent at 08:00." },
      }),
      labels,
    );
    assert.deepEqual(descriptions(labelled, "Status"), {
      OPEN: "办理中。Accepted and not yet completed.",
      COMPLETED: "已办结",
      HELD: "暂缓: sent at 08:00.",
    });
    assert.equal(labelled.getType("Status")?.description, "Where it stands.", "the type's own description stays");
    // Internal values and resolvers survive the rewrite.
    assert.deepEqual((await graphql({ schema: labelled, source: "{ status }" })).data, { status: "COMPLETED" });
  });

  it("adds the label when the description opens with a longer word that only starts like it", () => {
    const labelled = labelEnumValues(schemaWith({ HELD: { value: 3, description: "暂缓发送: later." } }), labels);
    assert.equal(descriptions(labelled, "Status").HELD, "暂缓。暂缓发送: later.");
  });

  it("refuses a schema with a value that has no label, naming every such value and where labels live", () => {
    assert.throws(
      () => labelEnumValues(schemaWith({ OPEN: { value: 1 }, REOPENED: { value: 4 }, ARCHIVED: { value: 5 } }), labels),
      (err: Error) =>
        /Status\.REOPENED, Status\.ARCHIVED/.test(err.message) &&
        /shared\/contracts\/src\/i18n\/enum-labels\.ts/.test(err.message),
    );
    assert.throws(() => labelEnumValues(schemaWith({ OPEN: { value: 1 } }), {}), /Status\.OPEN/);
  });

  it("reads the shared catalogue by default", () => {
    const labelled = labelEnumValues(
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: "Query",
          fields: {
            status: {
              type: new GraphQLEnumType({
                name: "CaseStatus",
                values: { OPEN: {}, COMPLETED: { description: "Completed (办结)." } },
              }),
            },
          },
        }),
      }),
    );
    assert.equal(ENUM_LABELS.CaseStatus?.COMPLETED, "已办结");
    assert.deepEqual(descriptions(labelled, "CaseStatus"), {
      OPEN: "办理中",
      COMPLETED: "已办结。Completed (办结).",
    });
  });
});

describe("buildFederatedSchema labels every department's enums", () => {
  enum HallRating {
    SATISFIED = "SATISFIED",
    BASICALLY_SATISFIED = "BASICALLY_SATISFIED",
    UNSATISFIED = "UNSATISFIED",
  }
  registerEnumType(HallRating, {
    name: "HallRating",
    valuesConfig: { UNSATISFIED: { description: "Opens a rectification item." } },
  });
  enum Shade {
    LIGHT = "LIGHT",
  }
  registerEnumType(Shade, { name: "UnlabelledShade" });

  @ObjectType({ description: "A rating." })
  class Rated {
    @Field(() => HallRating, { description: "The rating." })
    rating!: HallRating;
  }
  @ObjectType({ description: "A shade." })
  class Shaded {
    @Field(() => Shade, { description: "The shade." })
    shade!: Shade;
  }
  @Resolver()
  class RatingResolver {
    @Query(() => Rated, { description: "A rating." })
    rated(): Rated {
      return { rating: HallRating.BASICALLY_SATISFIED };
    }
  }
  @Resolver()
  class ShadeResolver {
    @Query(() => Shaded, { description: "A shade." })
    shaded(): Shaded {
      return { shade: Shade.LIGHT };
    }
  }

  it("puts the labels into the subgraph's SDL, and the enum still answers", async () => {
    const schema = await buildFederatedSchema({ department: "test", resolvers: [RatingResolver], services: {} });
    assert.deepEqual(descriptions(schema, "HallRating"), {
      SATISFIED: "满意",
      BASICALLY_SATISFIED: "基本满意",
      UNSATISFIED: "不满意。Opens a rectification item.",
    });
    const sdl = await graphql({ schema, source: "{ _service { sdl } }" });
    assert.match(
      (sdl.data as { _service: { sdl: string } })._service.sdl,
      /"""不满意。Opens a rectification item\."""/,
    );
    assert.deepEqual((await graphql({ schema, source: "{ rated { rating } }" })).data, {
      rated: { rating: "BASICALLY_SATISFIED" },
    });
  });

  it("fails to build a department whose enum has a value without a label", async () => {
    await assert.rejects(
      buildFederatedSchema({ department: "test", resolvers: [ShadeResolver], services: {} }),
      /enum values without a Chinese label: UnlabelledShade\.LIGHT/,
    );
  });
});

describe("buildFederatedSchema checks the roles of plain fields inline", () => {
  @Authorized("analyst")
  @ObjectType({ description: "Figures for analysts." })
  class Guarded {
    @Field({ description: "A code." })
    code!: string;

    @Field({ description: "The code twice, a getter." })
    get twice(): string {
      return `${this.code}${this.code}`;
    }

    @Authorized("admin")
    @Field({ description: "Only for admins." })
    secret!: string;
  }
  @Resolver()
  class GuardedResolver {
    @Query(() => Guarded, { description: "Public: the fields decide." })
    guarded(): Guarded {
      return Object.assign(new Guarded(), { code: "ab", secret: "s" });
    }
  }
  const as = (...roles: Role[]) => ({ caller: { ...ANONYMOUS, userId: roles.length ? "u" : null, roles } });

  it("answers a caller holding the roles, refuses the others as type-graphql did, without a promise per field", async () => {
    const schema = await buildFederatedSchema({ department: "test", resolvers: [GuardedResolver], services: {} });
    const run = (roles: Role[], source: string) => graphql({ schema, source, contextValue: as(...roles) });
    assert.deepEqual((await run(["analyst"], "{ guarded { code twice } }")).data, {
      guarded: { code: "ab", twice: "abab" },
    });
    const refused = await run(["analyst"], "{ guarded { code secret } }");
    assert.equal(refused.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.deepEqual(refused.errors?.[0]?.path, ["guarded", "secret"]);
    const anonymous = await run([], "{ guarded { code } }");
    assert.equal(anonymous.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.deepEqual((await run(["admin", "analyst"], "{ guarded { secret } }")).data, { guarded: { secret: "s" } });
    // The check runs in the field's resolver itself: its answer is the value, not a promise of it.
    const code = (schema.getType("Guarded") as GraphQLObjectType).getFields().code;
    const answer = code.resolve!({ code: "ab" }, {}, as("analyst"), { parentType: { name: "Guarded" } } as never);
    assert.equal(answer, "ab");
  });
});
