export { subgraphs, supergraphPath, defaultUrl, type SubgraphEntry } from "./subgraphs";
export { composeSupergraph, type Composition } from "./composition";
export { seedAll } from "./seed/seed-all";
export { DEMO_SIZE, type SeedSize } from "./seed/seed-size";
// The demo population is in contracts (every department's seed agrees on it); re-exported for the end-to-end tests.
export { demoPerson, demoEmployer } from "@onewindow/contracts/demo";
export {
  startStack,
  OPERATOR,
  type As,
  type Stack,
  type StackGateway,
  type StackOptions,
  type GraphQLResult,
} from "./stack/stack";
export { forkAndWait, runToExit, stopChild, type Child, type Finished } from "./stack/child-process";
// The bench's other gateways, for the end-to-end test that the departments accept what they sign.
export { startPeerGateway, type BenchProcess } from "./bench/stack";
export { BENCH_CALLER, type PeerTarget } from "./bench/queries";
