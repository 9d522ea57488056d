import { z } from "zod";
import { Id, OptionalPlate, PlateCountryField } from "../server/fields";

/**
 * A staff form's plate and VIN as typed so far, for filling in the car (lib/vehicles/look-up-vehicle.ts).
 * Both optional and not validated here: the form's own submit does that, with its field errors;
 * a plate or VIN that is not valid (yet) is simply not looked up.
 */
export const LookUpVehicleInput = z
  .object({
    // None on a verification request's review form (lib/vehicles/look-up-vehicle.ts).
    organisationId: Id.optional(),
    plate: OptionalPlate,
    plateCountry: PlateCountryField,
    vin: z
      .string()
      .trim()
      .max(40, { error: "vin_length" })
      .optional()
      .transform((v) => v || undefined),
  })
  .strict();
