import { buildSchema, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { fragmentsOf, type FragmentMap } from "./operation-fragments";

const SDL = `
  type Query {
    citizen(idNumber: ID!): Citizen
    citizens(first: Int, after: String, last: Int): CitizenConnection!
    hospitals: [Hospital!]!
    serviceItems(keyword: String): [ServiceItem!]!
  }
  type Mutation { takeQueueTicket(service: String!): Ticket! }
  type Ticket { number: String! }
  type ServiceItem { code: ID! name: String! }
  type Hospital { code: ID! name: String! }
  type Citizen {
    idNumber: ID! name: String!
    employment: Employment
    insuranceClaims(first: Int, after: String): ClaimConnection!
    friends: [Citizen!]!
  }
  type Employment { position: String employer: Employer }
  type Employer { creditCode: ID! name: String! employees(first: Int): CitizenConnection! }
  type CitizenConnection { totalCount: Int! edges: [CitizenEdge!]! }
  type CitizenEdge { cursor: String! node: Citizen! }
  type ClaimConnection { totalCount: Int! edges: [ClaimEdge!]! }
  type ClaimEdge { node: Claim! }
  type Claim { visitDate: String! totalCost: Float! }
`;

/** A fresh small schema shaped like OneWindow's (a connection, nested objects, a plain list), for tests that attach resolvers. */
export function testSchema(): GraphQLSchema {
  return buildSchema(SDL);
}

/** {@link testSchema}, shared by the tests that only read it. */
export const TEST_SCHEMA: GraphQLSchema = testSchema();

/** The document's operation (the one named `name`, or the only one) and its fragments. */
export function operationOf(
  query: string,
  name?: string,
): { operation: OperationDefinitionNode; fragments: FragmentMap } {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (name === undefined || d.name?.value === name),
  );
  if (!operation) throw new Error(`no operation ${name ?? ""} in the document`);
  return { operation, fragments: fragmentsOf(document) };
}

/** `{ citizen(idNumber: 1) { friends { … name } } }`, `levels` fields deep from the root field to the leaf (at least 2). */
export function nested(levels: number): string {
  return "{ citizen(idNumber: 1) { " + "friends { ".repeat(levels - 2) + "name" + " }".repeat(levels - 1) + " }";
}
