export { subgraphs, supergraphPath, defaultUrl, type SubgraphEntry } from "./subgraphs";
export { composeSupergraph, type Composition } from "./composition";
export { seedAll } from "./seed/seed-all";
export { DEMO_SIZE, type SeedSize } from "./seed/seed-size";
export { demoPerson, demoEmployer } from "./seed/demo-people";
export { startStack, OPERATOR, type As, type Stack, type StackOptions, type GraphQLResult } from "./stack/stack";
export { forkAndWait, runToExit, stopChild, type Child, type Finished } from "./stack/child-process";
