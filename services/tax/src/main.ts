import { runSubgraph } from "@onewindow/shared/server";
import { tax } from "./index";

runSubgraph(tax);
