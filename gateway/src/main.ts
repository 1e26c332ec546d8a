import { createLogger, runProcess, startTelemetry, stopTelemetry } from "@onewindow/platform/web";
import { Authenticator } from "./auth/authenticator";
import { loadGatewayConfig } from "./config";
import { createGatewayServer } from "./server";

const logger = createLogger("gateway");
runProcess(logger, async () => {
  const config = loadGatewayConfig();
  // Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; before the server is built.
  startTelemetry("gateway");
  const server = createGatewayServer(config, await Authenticator.create(config.jwt), logger);
  await server.start();
  return {
    async stop() {
      await server.stop();
      await stopTelemetry();
    },
  };
});
