import { runSubgraph } from "@onewindow/shared";
import { medicalInsurance } from "./index";

runSubgraph(medicalInsurance);
