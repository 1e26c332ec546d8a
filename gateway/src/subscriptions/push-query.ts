import {
  Kind,
  OperationTypeNode,
  getOperationAST,
  parseType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getArgumentValues, getVariableValues } from "graphql/execution/values";
import type { PushQuery } from "./subscription-fields";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { OneWindowError } from "@onewindow/platform/web";
import { GATEWAY } from "../messages";

/** A subscription operation read once at subscribe: what every push re-uses. */
export interface PushPlan {
  /** The subscription field's name (`caseUpdates`). */
  field: string;
  /** Its key in the answer: the alias, or the name. */
  responseKey: string;
  /** The subscription field's arguments, coerced. */
  args: Record<string, unknown>;
  /** The query each push runs: the subscriber's selection under the push query's root field. */
  document: DocumentNode;
  /** The subscriber's variables the query still uses; the push's own arguments are added per push as `__<name>`. */
  variables: Record<string, unknown>;
  path: readonly (string | number)[];
}

const bad = (text: LocalizedText) => new OneWindowError("BAD_USER_INPUT", text);

/**
 * Turns a validated subscription (`subscription ($id: ID!) { caseUpdates(caseId: $id) { status } }`)
 * into the query that answers each of its messages (`query ($__id: ID!) { caseUpdates: case(id: $__id)
 * { status } }`): the subscriber's own selection, fragments and variables, asked of the supergraph.
 */
export function planPush(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  queryOf: (field: string) => PushQuery | undefined,
): PushPlan {
  const operation = getOperationAST(document, operationName);
  if (!operation) throw bad(GATEWAY.nameTheOperation);
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) throw bad(GATEWAY.socketCarriesSubscriptions);
  const [selection] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || selection.kind !== Kind.FIELD)
    throw bad(GATEWAY.oneSubscriptionField);
  const subscriptionType = schema.getSubscriptionType()!;
  const fieldDef = subscriptionType.getFields()[selection.name.value];
  const query = queryOf(selection.name.value);
  if (!fieldDef || !query) throw bad(GATEWAY.noSubscriptionField.with({ field: selection.name.value }));
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) throw bad(GATEWAY.badSubscriptionVariables.with({ detail: coerced.errors[0].message }));
  const args = getArgumentValues(fieldDef, selection, coerced.coerced);

  const fragments = reachableFragments(selection.selectionSet, document);
  const used = usedVariables(selection.selectionSet, fragments);
  const kept = (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value));
  const variables = Object.fromEntries(
    kept
      .filter((v) => rawVariables && v.variable.name.value in rawVariables)
      .map((v) => [v.variable.name.value, rawVariables![v.variable.name.value]]),
  );
  const responseKey = selection.alias?.value ?? selection.name.value;
  const root: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: query.root },
    arguments: Object.keys(query.argTypes).map((name) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: name },
      value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: `__${name}` } },
    })),
    directives: [],
    selectionSet: nest(query.path ?? [], selection.selectionSet),
  };
  const pushOperation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: operation.name,
    variableDefinitions: [
      ...kept,
      ...Object.entries(query.argTypes).map(([name, type]) => ({
        kind: Kind.VARIABLE_DEFINITION as const,
        variable: { kind: Kind.VARIABLE as const, name: { kind: Kind.NAME as const, value: `__${name}` } },
        type: parseType(type),
      })),
    ],
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [root] },
  };
  return {
    field: selection.name.value,
    responseKey,
    args,
    document: { kind: Kind.DOCUMENT, definitions: [pushOperation, ...fragments] },
    variables,
    path: query.path ?? [],
  };
}

/** `["edges", 0, "node"]` around `inner`: `{ edges { node { …inner } } }` (indexes are positions in the answer, not fields). */
function nest(path: readonly (string | number)[], inner: SelectionSetNode | undefined): SelectionSetNode | undefined {
  const names = path.filter((p): p is string => typeof p === "string");
  return names.reduceRight<SelectionSetNode | undefined>(
    (selectionSet, name) => ({
      kind: Kind.SELECTION_SET,
      selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name }, selectionSet }],
    }),
    inner,
  );
}

/** The fragments a selection spreads, directly or through other fragments. */
function reachableFragments(
  selectionSet: SelectionSetNode | undefined,
  document: DocumentNode,
): FragmentDefinitionNode[] {
  const all = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const reached = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = all.get(spread.name.value);
        if (fragment && !reached.has(fragment.name.value)) {
          reached.set(fragment.name.value, fragment);
          walk(fragment);
        }
      },
    });
  if (selectionSet) walk(selectionSet);
  return [...reached.values()];
}

/** The variables a selection (and the fragments of its document) uses. */
function usedVariables(
  selectionSet: SelectionSetNode | undefined,
  fragments: readonly FragmentDefinitionNode[],
): Set<string> {
  const used = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      Variable(v) {
        used.add(v.name.value);
      },
    });
  if (selectionSet) collect(selectionSet);
  for (const fragment of fragments) collect(fragment);
  return used;
}

/** The record at `path` in a push query's answer for `responseKey`; undefined when absent (no such item). */
export function valueAt(
  data: Record<string, unknown> | null | undefined,
  responseKey: string,
  path: readonly (string | number)[],
): unknown {
  let value: unknown = data?.[responseKey];
  for (const step of path) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}
