/** Fuzzing through the action wrapper, part 1: accounts, linking and organisations (tests/support/fuzz-actions.ts). */
import "@/tests/support/own-database";
import { fuzzActionsIn } from "@/tests/support/fuzz-actions";

fuzzActionsIn(["lib/accounts/actions.ts", "lib/linking/actions.ts", "lib/organisations/actions.ts"], "accounts, linking, organisations");
