import { runSubgraph } from "@onewindow/shared";
import { serviceHall } from "./index";

runSubgraph(serviceHall);
