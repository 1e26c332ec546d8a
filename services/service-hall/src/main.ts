import { runSubgraph } from "@onewindow/platform/server";
import { serviceHall } from "./index";

runSubgraph(serviceHall);
