/** Fuzzing through the action wrapper, part 3: owner-invited drivers and the car's face (tests/support/fuzz-actions.ts). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/drivers/actions.ts", "lib/car-face/actions.ts"], "drivers, car face");
