import type { DataSource, EntityTarget, ObjectLiteral, ValueTransformer } from "typeorm";

/**
 * An entity's columns as plain SQL selects them, and the entity made from such a row: for the
 * hot reads, where TypeORM's query builder and its hydration of results cost more than the
 * statement (a tenth of a department's CPU per request). What TypeORM would give: an instance
 * of the entity class, its columns' transformers applied, dates as `YYYY-MM-DD` and booleans as
 * booleans on both databases.
 */
export interface PlainEntity<T> {
  /** `alias.column AS <prefix>column, …` for a SELECT list. */
  columns(alias: string, prefix?: string): string;
  /** The entity in `row` (columns named `<prefix>column`); null when its key is null (an outer join that found none). */
  from(row: Record<string, unknown>, prefix?: string): T | null;
}

/** How one column is selected and read back. */
interface PlainColumn {
  name: string;
  property: string;
  select: (alias: string) => string;
  read: (value: unknown) => unknown;
}

const cache = new WeakMap<DataSource, Map<unknown, PlainEntity<unknown>>>();

/** Column types read back as they come (or through the column's transformer). */
const AS_IS = new Set(["varchar", "character varying", "text", "integer", "int", "bigint", "smallint", "real"]);

function transformFrom(transformer: ValueTransformer | ValueTransformer[] | undefined, value: unknown): unknown {
  if (!transformer) return value;
  // As TypeORM applies them: the last one first.
  const all = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
  return all.reduce((v, t) => t.from(v) as unknown, value);
}

/**
 * The plain-SQL form of `entity` on `db` (made once per data source and entity). Throws for a
 * column type it does not read the way TypeORM does (JSON, timestamps, embedded columns), so a
 * new such column is noticed in the entity's tests rather than read wrong.
 */
export function plainEntity<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>): PlainEntity<T> {
  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map<unknown, PlainEntity<unknown>>()));
  const found = known.get(entity);
  if (found) return found as PlainEntity<T>;
  const metadata = db.getMetadata(entity);
  const columns: PlainColumn[] = metadata.columns.map((column) => {
    const type = typeof column.type === "string" ? column.type : column.type.name.toLowerCase();
    if (column.embeddedMetadata || column.relationMetadata)
      throw new Error(
        `${metadata.name}.${column.propertyName}: embedded and relation columns are not read in plain SQL`,
      );
    const name = column.databaseName;
    const transformer = column.transformer;
    if (type === "date")
      return {
        name,
        property: column.propertyName,
        select: (alias) => `CAST(${alias}.${name} AS varchar(10))`,
        read: (value) => transformFrom(transformer, value),
      };
    if (type === "boolean")
      return {
        name,
        property: column.propertyName,
        select: (alias) => `${alias}.${name}`,
        // SQLite has no booleans: 0 and 1.
        read: (value) => transformFrom(transformer, value === null || value === undefined ? value : !!value),
      };
    if (!AS_IS.has(type) && type !== "string" && type !== "number")
      throw new Error(`${metadata.name}.${column.propertyName}: a ${type} column is not read in plain SQL`);
    return {
      name,
      property: column.propertyName,
      select: (alias) => `${alias}.${name}`,
      read: (value) => transformFrom(transformer, value),
    };
  });
  const key = metadata.primaryColumns[0].databaseName;
  const prototype = (metadata.target as { prototype: object }).prototype;
  const plain: PlainEntity<T> = {
    columns: (alias, prefix = "") => columns.map((c) => `${c.select(alias)} AS ${prefix}${c.name}`).join(", "),
    from: (row, prefix = "") => {
      if (row[`${prefix}${key}`] === null || row[`${prefix}${key}`] === undefined) return null;
      const made = Object.create(prototype) as Record<string, unknown>;
      for (const c of columns) made[c.property] = c.read(row[`${prefix}${c.name}`] ?? null);
      return made as T;
    },
  };
  known.set(entity, plain as PlainEntity<unknown>);
  return plain;
}
