import { runSubgraph } from "@onewindow/platform/server";
import { tax } from "./index";

runSubgraph(tax);
