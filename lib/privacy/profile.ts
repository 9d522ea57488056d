import type { z } from "zod";
import { assertCan, isStaff, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import type { OwnerProfileInput } from "./schemas";

type Profile = z.output<typeof OwnerProfileInput>;

/** The profile fields an owner edits beyond name and language (seed 001 §3.2.1). */
const OWNER_ONLY = ["title", "company", "dateOfBirth", "street", "postalCode", "city", "country", "mobile", "phone"] as const;

/**
 * Saves the signed-in user's own profile. Staff (a member of an organisation, support, admin)
 * edit their name and language only: any other field they send is refused, not dropped. The audit
 * entry names the fields that changed, never their values.
 */
export async function updateProfile(input: { actor: Actor; profile: Profile }): Promise<{ changed: string[] }> {
  assertCan(input.actor, "account:manage");
  const p = input.profile;
  const staff = isStaff(input.actor);
  if (staff) {
    const extra = OWNER_ONLY.find((k) => p[k] !== undefined) ?? (p.extraPhones.length ? "extraPhones" : p.interests.length ? "interests" : p.preferredChannels.length ? "preferredChannels" : undefined);
    if (extra) throw new AppError("VALIDATION", "unknown_field");
  }
  const data = staff
    ? { firstName: p.firstName, lastName: p.lastName, locale: p.locale }
    : {
        firstName: p.firstName,
        lastName: p.lastName,
        locale: p.locale,
        title: p.title ?? null,
        company: p.company ?? null,
        dateOfBirth: p.dateOfBirth ?? null,
        street: p.street ?? null,
        postalCode: p.postalCode ?? null,
        city: p.city ?? null,
        country: p.country ?? null,
        mobile: p.mobile ?? null,
        phone: p.phone ?? null,
        extraPhones: p.extraPhones,
        interests: p.interests,
        preferredChannels: p.preferredChannels,
      };
  return transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId } });
    const changed = Object.entries(data)
      .filter(([k, v]) => JSON.stringify(before[k as keyof typeof before] ?? null) !== JSON.stringify(v ?? null))
      .map(([k]) => k);
    await tx.user.update({ where: { id: input.actor.userId }, data });
    await audit(tx, input.actor, "account.profile_updated", {
      entityType: "User",
      entityId: input.actor.userId,
      subjectUserId: input.actor.userId,
      data: { fields: changed.join(",") },
    });
    return { changed };
  });
}
