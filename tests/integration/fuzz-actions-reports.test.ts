/** Fuzzing through the action wrapper: buyer report links (tests/support/fuzz-actions.ts, docs/decisions/0036). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/reports/actions.ts"], "buyer report links");
