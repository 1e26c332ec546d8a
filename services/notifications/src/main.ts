import { createLogger, loadBaseConfig, readInt, runProcess } from "@onewindow/platform";
import { runSubgraph, startSubgraph } from "@onewindow/platform/server";
import { DeliveryLoop } from "./delivery/delivery-loop";
import { notifications } from "./index";

const args = process.argv.slice(2);
if (args.length > 0) {
  // `migrate` (and the usage message for anything else), as every department.
  runSubgraph(notifications, args);
} else {
  const logger = createLogger(notifications.name, loadBaseConfig().logLevel);
  runProcess(logger, async () => {
    const running = await startSubgraph(notifications);
    // Beside the server: the rounds that send what is due (every replica runs them; claims keep each message to one).
    const loop = new DeliveryLoop(
      running.services.deliveries,
      logger,
      readInt(process.env, "NOTIFY_POLL_MS", 1000, 50, 60_000),
    );
    loop.start();
    return {
      async stop() {
        await loop.stop();
        for (const adapter of Object.values(running.services.adapters)) adapter.close?.();
        await running.stop();
      },
    };
  });
}
