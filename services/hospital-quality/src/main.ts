import { runSubgraph } from "@onewindow/shared";
import { hospitalQuality } from "./index";

runSubgraph(hospitalQuality);
