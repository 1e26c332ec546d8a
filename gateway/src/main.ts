import { createLogger, runProcess } from "@onewindow/shared";
import { Authenticator } from "./auth/authenticator";
import { loadGatewayConfig } from "./config";
import { createGatewayServer } from "./server";

const logger = createLogger("gateway");
runProcess(logger, async () => {
  const config = loadGatewayConfig();
  const server = createGatewayServer(config, await Authenticator.create(config.jwt), logger);
  await server.start();
  return server;
});
