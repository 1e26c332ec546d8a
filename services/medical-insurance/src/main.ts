import { runSubgraph } from "@onewindow/platform/server";
import { medicalInsurance } from "./index";

runSubgraph(medicalInsurance);
