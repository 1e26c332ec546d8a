import { expect, test } from "@jest/globals";
import { GraphQLError, buildSchema, extendSchema, parse, print, validate } from "graphql";
import { planPush, valueAt } from "./push-query";
import { SUBSCRIPTION_FIELDS, subscriptionSdl } from "./subscription-fields";

/** The part of the API schema the subscriptions name, as the supergraph declares it. */
const api = buildSchema(`
  type Query {
    case(id: ID!): Case
    jobPostings(first: Int, after: String, filter: JobPostingFilter): JobPostingConnection!
    queueBoard: QueueBoard!
  }
  type Case { id: ID! status: String! citizen: Citizen! }
  type Citizen { idNumber: ID! name(masked: Boolean): String! }
  input JobPostingFilter { keyword: String ids: [ID!] }
  type JobPostingConnection { edges: [JobPostingEdge!]! }
  type JobPostingEdge { node: JobPosting! }
  type JobPosting { id: ID! title: String! }
  type QueueBoard { day: String! }
`);
const schema = extendSchema(api, parse(subscriptionSdl()));
const queryOf = (field: string) => SUBSCRIPTION_FIELDS[field]?.query;

function plan(source: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  return planPush(schema, document, operationName, variables, queryOf);
}

test("the subscriber's selection, fragments and variables become a query of the root field, under the subscription's response key", () => {
  const p = plan(
    `subscription Watch($id: ID!, $masked: Boolean) { mine: caseUpdates(caseId: $id) { status ...Who } }
     fragment Who on Case { citizen { name(masked: $masked) } }`,
    { id: "42", masked: true },
  );
  expect(p).toMatchObject({ field: "caseUpdates", responseKey: "mine", args: { caseId: "42" }, path: [] });
  // $id served the subscription's own argument: the query does not declare it.
  expect(p.variables).toEqual({ masked: true });
  expect(print(p.document)).toBe(
    print(
      parse(`query Watch($masked: Boolean, $__id: ID!) { mine: case(id: $__id) { status ...Who } }
             fragment Who on Case { citizen { name(masked: $masked) } }`),
    ),
  );
  expect(validate(api, p.document)).toEqual([]);
});

test("a list's record is asked for inside its connection, and only the fragments it spreads are sent", () => {
  const p = plan(
    `subscription Jobs { newJobPostings(filter: { keyword: "电工" }) { ...Job } }
     fragment Job on JobPosting { title }
     query Other { queueBoard { ...Day } }
     fragment Day on QueueBoard { day }`,
    {},
    "Jobs",
  );
  expect(p.args).toEqual({ filter: { keyword: "电工" } });
  expect(print(p.document)).toBe(
    print(
      parse(`query Jobs($__first: Int, $__filter: JobPostingFilter) {
               newJobPostings: jobPostings(first: $__first, filter: $__filter) { edges { node { ...Job } } }
             }
             fragment Job on JobPosting { title }`),
    ),
  );
  expect(validate(api, p.document)).toEqual([]);
  const answer = { newJobPostings: { edges: [{ node: { title: "电工" } }] } };
  expect(valueAt(answer, "newJobPostings", p.path)).toEqual({ title: "电工" });
  expect(valueAt({ newJobPostings: { edges: [] } }, "newJobPostings", p.path)).toBeUndefined();
});

test("a query or mutation on the socket, or a missing variable, is refused as the client's error", () => {
  const refused = (source: string, variables: Record<string, unknown> = {}) => {
    try {
      plan(source, variables);
    } catch (err) {
      return err as GraphQLError;
    }
    throw new Error("not refused");
  };
  const query = refused(`query { queueBoard { day } }`);
  expect([query.extensions.code, query.message]).toEqual([
    "BAD_USER_INPUT",
    "this socket carries subscriptions; send queries and mutations as POST /graphql",
  ]);
  const missing = refused(`subscription ($id: ID!) { caseUpdates(caseId: $id) { id } }`);
  expect([missing.extensions.code, missing.message]).toEqual(["BAD_USER_INPUT", expect.stringMatching(/\$id/)]);
});
