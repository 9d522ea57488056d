/** Fuzzing through the action wrapper, part 3: the car dossier and the fleet console (tests/support/fuzz-actions.ts). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/dossier/actions.ts", "lib/fleet/actions.ts"], "dossier, fleet");
