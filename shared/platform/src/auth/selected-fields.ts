import {
  getNamedType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

/**
 * The fields of `typeName` that the current field's selection reads, at any depth below it
 * (`citizens { edges { node { name } } }` reads `name` of Citizen; `_entities { ... on Citizen
 * { medicalInsurance { scheme } } }` reads `medicalInsurance`). `__typename` is not a read.
 */
export function selectedFields(info: GraphQLResolveInfo, typeName: string): string[] {
  const found = new Set<string>();
  const visitedFragments = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType | undefined) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === "Field") {
        const name = selection.name.value;
        if (name === "__typename") continue;
        if (type?.name === typeName) found.add(name);
        const field = type && isObjectType(type) ? type.getFields()[name] : undefined;
        walk(selection.selectionSet, field ? getNamedType(field.type) : undefined);
      } else if (selection.kind === "InlineFragment") {
        const on = selection.typeCondition
          ? (info.schema.getType(selection.typeCondition.name.value) ?? undefined)
          : type;
        walk(selection.selectionSet, on);
      } else {
        const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
        if (!fragment || visitedFragments.has(fragment.name.value)) continue;
        visitedFragments.add(fragment.name.value);
        walk(fragment.selectionSet, info.schema.getType(fragment.typeCondition.name.value) ?? undefined);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, getNamedType(info.returnType));
  return [...found];
}
