"use server";

import { action } from "../server/action";
import { lookUpVehicle } from "./look-up-vehicle";
import { LookUpVehicleInput } from "./schemas";

/** Called by staff forms as the plate or VIN is typed (components/vehicles/vehicle-lookup.tsx); changes nothing. */
export const lookUpVehicleAction = action(LookUpVehicleInput, async (input, { actor }) => lookUpVehicle({ actor, ...input }));
