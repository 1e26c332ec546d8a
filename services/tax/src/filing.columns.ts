import { Field } from "type-graphql";
import { Column } from "typeorm";
import { DateTimeScalar } from "@onewindow/platform";

/**
 * The columns a filing keeps for corrections, the same on tax returns and withholding returns: a
 * correction is a new row pointing at the one it corrects, which keeps its figures and gets
 * `superseded_at`. Each decorator declares the column and, where public, its GraphQL field.
 */
function both(column: PropertyDecorator, field: PropertyDecorator): PropertyDecorator {
  return (target, key) => {
    field(target, key);
    column(target, key);
  };
}

/** `supersedes_id`: the filing this one corrects; null for a first filing. Not a GraphQL field. */
export const SupersedesIdColumn = () => Column({ type: "integer", name: "supersedes_id", nullable: true });

/** `filed_at`, the GraphQL field `filedAt`. */
export const FiledAtColumn = () =>
  both(
    Column({ type: "varchar", length: 32, name: "filed_at" }),
    Field(() => DateTimeScalar, { description: "When the return was filed." }),
  );

/** `superseded_at`, the GraphQL field `supersededAt` (nullable), described for the kind of filing. */
export const SupersededAtColumn = (description: string) =>
  both(
    Column({ type: "varchar", length: 32, name: "superseded_at", nullable: true }),
    Field(() => DateTimeScalar, { nullable: true, description }),
  );
