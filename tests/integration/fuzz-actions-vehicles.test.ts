/** Fuzzing through the action wrapper: the plate and VIN lookup (tests/support/fuzz-actions.ts). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

// Never the RDW itself: these machines have no internet, and a fuzz run must not depend on one.
process.env.RDW_API_URL = "off";

fuzzActionsIn(["lib/vehicles/actions.ts"], "vehicles");
