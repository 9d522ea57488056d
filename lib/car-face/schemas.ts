import { z } from "zod";
import { Id, OptionalText } from "../server/fields";

/** The owner's name for the car; empty clears it. */
export const SetCarNameInput = z.object({ vehicleId: Id, name: OptionalText(60) }).strict();

export const RemoveCarPhotoInput = z.object({ vehicleId: Id }).strict();
