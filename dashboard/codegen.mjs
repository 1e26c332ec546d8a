// GraphQL Code Generator: the gateway's API schema and the operations in src/operations.ts
// (their `/* GraphQL */` strings) → TypeScript types in src/generated/graphql.ts.
export default {
  overwrite: true,
  schema: "schema.graphql",
  documents: ["src/operations.ts", "src/workbench/operations.ts"],
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-operations"],
      config: {
        onlyOperationTypes: true,
        enumsAsTypes: true,
        avoidOptionals: true,
        scalars: { Date: "string", DateTime: "string" },
      },
    },
  },
};
