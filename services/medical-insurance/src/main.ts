import { runSubgraph } from "@onewindow/shared/server";
import { medicalInsurance } from "./index";

runSubgraph(medicalInsurance);
