export { createGatewayServer, type GatewayServer } from "./server";
export { loadGatewayConfig, urlVariable, type GatewayConfig } from "./config";
