export { createGatewayServer, type GatewayServer } from "./server";
export { loadGatewayConfig, urlVariable, type GatewayConfig } from "./config";
export { Authenticator } from "./auth/authenticator";
export { issueDevToken, type DevTokenClaims } from "./auth/dev-token";
export * from "./runtime";
export { followedEventTypes, SUBSCRIPTION_FIELDS, subscriptionSdl } from "./subscriptions/subscription-fields";
