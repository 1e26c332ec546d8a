// Tests start whole stacks with infra's stack starter (the benchmarks use the same one).
export { startStack, type Stack, type StackOptions, type GraphQLResult } from "@onewindow/infra";
