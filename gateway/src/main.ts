import { createLogger, runProcess } from "@onewindow/shared";
import { loadGatewayConfig } from "./config";
import { createGatewayServer } from "./server";

const logger = createLogger("gateway");
runProcess(logger, async () => {
  const server = createGatewayServer(loadGatewayConfig(), logger);
  await server.start();
  return server;
});
