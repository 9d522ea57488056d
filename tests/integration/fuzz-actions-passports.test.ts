/** Fuzzing through the action wrapper, part 2: AutoPaspoorts and verification (tests/support/fuzz-actions.ts). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/passports/actions.ts", "lib/verification/actions.ts", "lib/disputes/actions.ts"], "passports, verification, disputes");
