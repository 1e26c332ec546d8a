import { getMetadataStorage } from "type-graphql";

/**
 * The roles `@Authorized` gives `typeName.fieldName`, read from type-graphql's metadata as its
 * auth checker does (the field's own decorator, else its class's); undefined: public. For the
 * departments' schema-rule tests, which fail on any field nobody thought about.
 */
export function declaredRoles(typeName: string, fieldName: string): readonly string[] | undefined {
  const m = getMetadataStorage();
  type Target = (typeof m.authorizedFields)[number]["target"];
  const rolesOf = (target: Target, name: string) =>
    m.authorizedFields.find((a) => a.target === target && a.fieldName === name)?.roles ??
    m.authorizedResolver.find((a) => a.target === target)?.roles;
  if (typeName === "Query" || typeName === "Mutation") {
    const def = (typeName === "Query" ? m.queries : m.mutations).find((d) => d.schemaName === fieldName);
    if (!def) throw new Error(`no resolver declares ${typeName}.${fieldName}`);
    return rolesOf(def.target, def.methodName);
  }
  const classes = m.objectTypes.filter((o) => o.name === typeName).map((o) => o.target);
  const field = m.fields.find((f) => classes.includes(f.target) && f.schemaName === fieldName);
  if (field) return rolesOf(field.target, field.name);
  const resolved = m.fieldResolvers.find(
    (f) =>
      f.schemaName === fieldName &&
      classes.includes(m.resolverClasses.find((r) => r.target === f.target)?.getObjectType() as Target),
  );
  if (!resolved) throw new Error(`no class or resolver declares ${typeName}.${fieldName}`);
  return rolesOf(resolved.target, resolved.methodName);
}
