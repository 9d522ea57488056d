/** Fuzzing through the action wrapper: the handover between owners (tests/support/fuzz-actions.ts, docs/decisions/0034). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/handover/actions.ts"], "handover");
