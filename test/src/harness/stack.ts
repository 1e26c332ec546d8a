// Tests start whole stacks with infra's stack starter (the benchmarks use the same one).
export { startStack, OPERATOR, type As, type Stack, type StackOptions, type GraphQLResult } from "@onewindow/infra";
