import { runSubgraph } from "@onewindow/shared/server";
import { laborSecurity } from "./index";

runSubgraph(laborSecurity);
