/**
 * Environment that makes a department's process exit (code 86) after the next event's effect
 * commits and before its ack, for `stack.restartSubgraph(name, crashAfterEffect())`.
 */
export function crashAfterEffect(): Record<string, string> {
  const preload = require.resolve("./crash-after-effect");
  return { NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(preload)}`].filter(Boolean).join(" ") };
}
