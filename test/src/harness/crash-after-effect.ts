import { createRequire } from "node:module";
import path from "node:path";

/*
 * Fault injection for the redelivery test, preloaded into a department's process with
 * `NODE_OPTIONS=--require <this file>` (see `crashAfterEffect`): the process exits with code 86
 * right after an event's effect commits and before the consumer acknowledges it, as a process
 * killed at the worst moment would. It lives here, not behind a switch in the consumer, so that
 * production code holds no way to make a department exit on purpose.
 *
 * It replaces the `applyOnce` export of the event-handling module, which the consumer calls
 * through the module's exports object (CommonJS), so the replacement is what it calls.
 */
// CommonJS on purpose: the module's exports object is what the consumer calls through.
const handling = createRequire(__filename)(
  path.join(path.dirname(require.resolve("@onewindow/platform")), "events", "event-handling.js"),
) as {
  applyOnce: (...args: unknown[]) => Promise<boolean>;
};
const applyOnce = handling.applyOnce;
handling.applyOnce = async (...args) => {
  const applied = await applyOnce(...args);
  process.exit(86);
  return applied;
};
