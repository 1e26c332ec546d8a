import {
  GraphQLError,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { ERRORS } from "@apollo/federation-internals";
import { GATEWAY } from "../messages";
import { emptyRecord, getOwn } from "./own";

/** A path in the response: field names and list indices. */
export type ResponsePath = (string | number)[];

/** What the shaper needs of one operation, made once per operation and kept with its plan. */
export interface ShapedOperation {
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Variables with a default value in the operation, and that value. */
  defaults: Record<string, unknown>;
  rootType: GraphQLCompositeType;
}

/**
 * The shape of the response of `operation`: its defaulted variables and root type, computed once
 * per operation (the stock executor rebuilds a whole `Operation` of the supergraph model for
 * every request).
 */
export function shapedOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): ShapedOperation {
  const defaults: Record<string, unknown> = emptyRecord();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) {
    const text = GATEWAY.noRootType.with({ operation: operation.operation });
    throw new GraphQLError(text.en, { extensions: { localizedMessage: text.zh } });
  }
  return { operation, fragments, defaults, rootType };
}

/**
 * Where the stock executor asserts (an answer that does not fit the schema), the same message:
 * the executor turns it into the answer's only error. Called as `if (!ok) fail(message)`, not
 * with a closure for the message: a closure per check made every call of the shaper allocate.
 */
function fail(message: string): never {
  throw new Error(message);
}

interface Shaping {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspection: (field: FieldNode) => unknown;
  /**
   * What the last {@link updateOutputValue} found beside its value ({@link INVALID},
   * {@link HAS_ERRORS}): kept here rather than in an object per value, which for a page of 50
   * rows was a thousand short-lived objects per answer.
   */
  status: number;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;
/** The value is null where the schema forbids it: the parent becomes null. */
const INVALID = 1;
/** An error was recorded for the value or below it. */
const HAS_ERRORS = 2;

/**
 * Filters and orders the data the plan's fetches gathered into the response the operation
 * asked for, with the stock executor's rules (its `computeResponse`): only requested fields, in
 * the operation's order, `__typename` filled in (root types included), nulls propagated to the
 * nearest nullable parent. Errors found here (a null in a non-null field, a value of the wrong
 * type) come back apart: the stock executor reports them only when the fetches had none, and
 * then in `extensions.valueCompletion`.
 */
export function shapeResponse(
  schema: GraphQLSchema,
  shaped: ShapedOperation,
  variables: Record<string, unknown> | undefined,
  input: Record<string, unknown>,
  introspection: Shaping["introspection"],
): { data: Record<string, unknown> | null; errors: GraphQLError[] } {
  const shaping: Shaping = {
    schema,
    fragments: shaped.fragments,
    variables: { __proto__: null, ...shaped.defaults, ...variables } as Record<string, unknown>,
    errors: [],
    introspection,
    status: 0,
  };
  const data = emptyRecord();
  const res = applySelectionSet(shaping, input, shaped.operation.selectionSet, data, [], shaped.rootType);
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: shaping.errors };
}

function ifArgument(directive: DirectiveNode, variables: Record<string, unknown>): boolean {
  const arg = directive.arguments?.find((a) => a.name.value === "if");
  if (!arg) fail(`Missing "if" argument on @${directive.name.value}`);
  if (arg.value.kind === Kind.VARIABLE) {
    const value = variables[arg.value.name.value];
    if (typeof value !== "boolean")
      fail(`Unexpected value ${String(value)} for variable $${(arg.value as { name: { value: string } }).name.value}`);
    return value;
  }
  return arg.value.kind === Kind.BOOLEAN && arg.value.value;
}

function shouldSkip(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  const directives = selection.directives;
  if (!directives || directives.length === 0) return false;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name === "skip" && ifArgument(directive, variables)) return true;
    if (name === "include" && !ifArgument(directive, variables)) return true;
  }
  return false;
}

/** Whether `maybeSub` is `type` or one of its possible or implementing types. */
function isSubtype(schema: GraphQLSchema, type: GraphQLNamedType, maybeSub: GraphQLNamedType): boolean {
  if (type === maybeSub) return true;
  return (
    isAbstractType(type) && (isObjectType(maybeSub) || isInterfaceType(maybeSub)) && schema.isSubType(type, maybeSub)
  );
}

function typeConditionApplies(
  schema: GraphQLSchema,
  condition: string | undefined,
  typename: string | undefined,
  parentType: GraphQLCompositeType,
): boolean {
  if (!condition) return true;
  const conditionType = schema.getType(condition);
  if (!conditionType) return false;
  if (typename) {
    const type = schema.getType(typename);
    return !!type && isSubtype(schema, conditionType, type);
  }
  return isSubtype(schema, conditionType, parentType);
}

function applySelectionSet(
  shaping: Shaping,
  input: Record<string, unknown>,
  selectionSet: SelectionSetNode,
  output: Record<string, unknown>,
  path: ResponsePath,
  parentType: GraphQLCompositeType,
): number {
  for (const selection of selectionSet.selections) {
    if (shouldSkip(selection, shaping.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const responseName = selection.alias?.value ?? name;
      const outputValue = output[responseName];
      if (name === "__schema" || name === "__type") {
        if (outputValue === undefined) output[responseName] = shaping.introspection(selection);
        continue;
      }
      let inputValue = getOwn(input, responseName) ?? null;
      if (name === "__typename") {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== "__typename") inputValue = input.__typename ?? null;
          const type =
            inputValue !== null && typeof inputValue === "string"
              ? (shaping.schema.getType(inputValue) ?? parentType)
              : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      if (isAbstractType(parentType) && !isInterfaceType(parentType)) fail(`Cannot query ${name} on ${parentType}`);
      const definition = (parentType as Exclude<GraphQLCompositeType, { getTypes: unknown }>).getFields()[name];
      if (!definition) fail(`Cannot query field "${name}" on type "${parentType}"`);
      path.push(responseName);
      output[responseName] = updateOutputValue(
        shaping,
        outputValue,
        definition.type,
        inputValue,
        selection.selectionSet,
        path,
        parentType,
      );
      path.pop();
      if (shaping.status & INVALID) return NULL_BUBBLE_UP;
    } else {
      let condition: string | undefined;
      let selections: SelectionSetNode;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        condition = selection.typeCondition?.name.value;
        selections = selection.selectionSet;
      } else {
        const fragment = shaping.fragments[selection.name.value];
        if (!fragment) fail(`Unknown fragment "${selection.name.value}"`);
        condition = fragment.typeCondition.name.value;
        selections = fragment.selectionSet;
      }
      const typename = input.__typename;
      if (typename && typeof typename !== "string") fail(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(shaping.schema, condition, typename as string | undefined, parentType)) {
        const type = condition ? shaping.schema.getType(condition) : parentType;
        if (!type || !isCompositeType(type)) fail(`Unknown type ${condition}`);
        if (applySelectionSet(shaping, input, selections, output, path, type) === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function lastElementDescription(path: ResponsePath, type: GraphQLOutputType, parentType: GraphQLCompositeType) {
  const element = path[path.length - 1];
  return typeof element === "string"
    ? `field ${parentType.name}.${element}`
    : `array element of type ${String(type)} at index ${element}`;
}

/** The value `outputValue` becomes; what else was found is left in `shaping.status`. */
function updateOutputValue(
  shaping: Shaping,
  outputValue: unknown,
  type: GraphQLOutputType,
  inputValue: unknown,
  selectionSet: SelectionSetNode | undefined,
  path: ResponsePath,
  parentType: GraphQLCompositeType,
): unknown {
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) {
    shaping.status = OK;
    return outputValue;
  }
  if (isNonNullType(type)) {
    const updated = updateOutputValue(shaping, outputValue, type.ofType, inputValue, selectionSet, path, parentType);
    if (updated === null) {
      if (!(shaping.status & HAS_ERRORS)) {
        shaping.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Cannot return null for non-nullable ${lastElementDescription(path, type.ofType, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
      }
      shaping.status = INVALID | HAS_ERRORS;
      return null;
    }
    shaping.status = OK;
    return updated;
  }
  if (inputValue === null) {
    shaping.status = OK;
    return null;
  }
  if (isListType(type)) {
    if (!Array.isArray(inputValue))
      fail(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      fail(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(type)}`);
    const outputList = (outputValue as unknown[] | undefined) ?? new Array(inputValue.length).fill(undefined);
    if (inputValue.length !== outputList.length)
      fail(
        `[${String(inputValue)}].length (${inputValue.length}) !== [${String(outputList)}].length (${outputList.length})`,
      );
    let found = OK;
    const updated = new Array(outputList.length);
    for (let i = 0; i < outputList.length; i++) {
      path.push(i);
      updated[i] = updateOutputValue(
        shaping,
        outputList[i],
        type.ofType,
        inputValue[i],
        selectionSet,
        path,
        parentType,
      );
      path.pop();
      found |= shaping.status;
    }
    // An invalid element nulls the list; the list itself is not invalid (its own type decides).
    shaping.status = found & HAS_ERRORS;
    return found & INVALID ? null : updated;
  }
  if (isCompositeType(type)) {
    if (!selectionSet) fail(`Invalid empty selection set for composite type ${type.name}`);
    if (typeof inputValue !== "object")
      fail(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.name}`);
    if (outputValue !== undefined && typeof outputValue !== "object")
      fail(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.name}`);
    const input = inputValue as Record<string, unknown>;
    const typename = input.__typename;
    if (typename !== undefined && typeof typename !== "string")
      fail(`Invalid non-string value ${String(typename)} for __typename at ${path.join(",")}`);
    let objectType: GraphQLCompositeType = type;
    if (typename) {
      const named = shaping.schema.getType(typename);
      if (!named || !isCompositeType(named)) {
        shaping.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Invalid __typename found for object at ${lastElementDescription(path, type, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
        shaping.status = HAS_ERRORS;
        return null;
      }
      objectType = named;
    }
    const outputObject = (outputValue as Record<string, unknown> | undefined) ?? emptyRecord();
    const bubbled = applySelectionSet(shaping, input, selectionSet, outputObject, path, objectType) === NULL_BUBBLE_UP;
    shaping.status = bubbled ? HAS_ERRORS : OK;
    return bubbled ? null : outputObject;
  }
  if (outputValue !== undefined)
    fail(`Excepted output to be undefined but got ${String(type)} for type ${String(type)}`);
  const valid = isValidLeafValue(type, inputValue);
  if (!valid) {
    shaping.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${lastElementDescription(path, type, parentType)}.`, {
        path: Array.from(path),
      }),
    );
  }
  shaping.status = valid ? OK : HAS_ERRORS;
  return valid ? inputValue : null;
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** The built-in scalars (graphql-js' `isSpecifiedScalarType` scans a list on every call). */
const SPECIFIED_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);

/** The stock executor's check of a leaf value (federation-internals' `isValidLeafValue`). */
function isValidLeafValue(type: GraphQLOutputType, value: unknown): boolean {
  const name = (type as { name: string }).name;
  const isEnum = isEnumType(type);
  // Custom scalars take any value.
  if (!isEnum && !SPECIFIED_SCALARS.has(name)) return true;
  if (typeof value === "boolean") return name === "Boolean";
  if (typeof value === "number" && isFinite(value)) {
    if (name === "Int" || name === "ID") return INTEGER.test(String(value));
    return name === "Float";
  }
  if (typeof value === "string") {
    if (isEnum) return type.getValue(value) !== undefined;
    return name !== "Boolean" && name !== "Int" && name !== "Float";
  }
  return false;
}
