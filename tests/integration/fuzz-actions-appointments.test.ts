/** Fuzzing through the action wrapper, part 3: appointments (tests/support/fuzz-actions.ts). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/appointments/actions.ts"], "appointments");
