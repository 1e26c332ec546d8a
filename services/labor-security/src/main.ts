import { runSubgraph } from "@onewindow/platform/server";
import { laborSecurity } from "./index";

runSubgraph(laborSecurity);
