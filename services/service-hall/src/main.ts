import { runSubgraph } from "@onewindow/shared/server";
import { serviceHall } from "./index";

runSubgraph(serviceHall);
