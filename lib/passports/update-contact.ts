import type { Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { staffPassport } from "./common";
import { passportRules } from "./rules";
import { transaction } from "../server/transaction";

export interface UpdateContactInput {
  actor: Actor;
  passportId: string;
  name: string;
  street?: string;
  postalCode?: string;
  city?: string;
  /** Only accepted when unchanged: after a confirmed transfer only support corrects the address. */
  email?: string;
}

/**
 * The garage corrects the buyer's name or address after confirming the transfer, while it waits
 * for the buyer. The e-mail address is locked from the confirmation on (seed 002): a different
 * one is refused. Once the buyer holds the car they keep their own details in their account, so
 * the garage's copy is no longer rewritten.
 */
export async function updateContactDetails(input: UpdateContactInput): Promise<void> {
  await transaction(async (tx) => {
    const p = await staffPassport(tx, input.actor, input.passportId, { lock: true });
    const transfer = passportRules(p).contact ? p.pending : null;
    if (!transfer) throw new AppError("CONFLICT", p.accepted || !p.inStock ? "contact_after_sale" : "no_transfer");
    if (input.email !== undefined && input.email.trim().toLowerCase() !== transfer.email) {
      throw new AppError("CONFLICT", "email_locked", { fieldErrors: { email: ["email_locked"] } });
    }
    await tx.passport.update({
      where: { id: p.id },
      data: { contactName: input.name, contactStreet: input.street ?? null, contactPostalCode: input.postalCode ?? null, contactCity: input.city ?? null },
    });
    await audit(tx, input.actor, "passport.contact_updated", {
      organisationId: p.garageId,
      entityType: "Passport",
      entityId: p.id,
      vehicleId: p.vehicleId,
      subjectUserId: transfer.toUserId,
    });
  });
}
