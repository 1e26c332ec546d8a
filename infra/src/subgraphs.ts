import path from "node:path";
import type { SubgraphDefinition } from "@onewindow/platform";
import { laborSecurity } from "@onewindow/labor-security";
import { medicalInsurance } from "@onewindow/medical-insurance";
import { tax } from "@onewindow/tax";
import { hospitalQuality } from "@onewindow/hospital-quality";
import { serviceHall } from "@onewindow/service-hall";
import { notifications } from "@onewindow/notifications";

/** A department in the supergraph: its definition and where its package lives. */
export interface SubgraphEntry {
  definition: SubgraphDefinition<unknown>;
  /** The package folder (its `schema.graphql` and `dist/main.js`). */
  dir: string;
}

const root = path.resolve(__dirname, "..", "..");

/** The one list of departments; composition, the launcher, seeding and tests all read it. */
export const subgraphs: SubgraphEntry[] = [
  { definition: laborSecurity, dir: path.join(root, "services", "labor-security") },
  { definition: medicalInsurance, dir: path.join(root, "services", "medical-insurance") },
  { definition: tax, dir: path.join(root, "services", "tax") },
  { definition: hospitalQuality, dir: path.join(root, "services", "hospital-quality") },
  { definition: serviceHall, dir: path.join(root, "services", "service-hall") },
  { definition: notifications, dir: path.join(root, "services", "notifications") },
];

/** Where the gateway reads the composed supergraph from. */
export const supergraphPath = path.join(root, "gateway", "supergraph.graphql");

/** The URL a department listens on in the run contract (127.0.0.1:4001 ...). */
export function defaultUrl(definition: SubgraphDefinition<unknown>): string {
  return `http://127.0.0.1:${definition.defaultPort}/graphql`;
}
