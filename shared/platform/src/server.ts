/**
 * A department's process (`runSubgraph` in its `main.ts`): the server with its event backbone.
 * Its own entry, as it loads the NATS client, which the main entry does not.
 */
export { runSubgraph, startSubgraph, type RunningSubgraph } from "./subgraph-process";
