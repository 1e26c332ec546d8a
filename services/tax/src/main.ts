import { runSubgraph } from "@onewindow/shared";
import { tax } from "./index";

runSubgraph(tax);
