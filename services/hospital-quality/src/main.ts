import { runSubgraph } from "@onewindow/shared/server";
import { hospitalQuality } from "./index";

runSubgraph(hospitalQuality);
