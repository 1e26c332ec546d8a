import { runSubgraph } from "@onewindow/platform/server";
import { hospitalQuality } from "./index";

runSubgraph(hospitalQuality);
