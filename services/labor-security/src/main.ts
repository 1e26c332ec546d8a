import { runSubgraph } from "@onewindow/shared";
import { laborSecurity } from "./index";

runSubgraph(laborSecurity);
