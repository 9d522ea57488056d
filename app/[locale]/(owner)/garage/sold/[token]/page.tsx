import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/server/guards";
import { carForSoldLink } from "@/lib/maintenance/sold-link";

/**
 * The "I sold this car" link of a maintenance reminder: after sign-in, to the removal page of that
 * car, where the owner confirms. A link for a car the user no longer holds, someone else's link,
 * or an expired one reads as not found.
 */
export default async function SoldLinkPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  const actor = await requireActor(locale, "garage:use");
  const vehicleId = await carForSoldLink(actor, token);
  if (!vehicleId) notFound();
  redirect(`/${locale}/garage/vehicles/${vehicleId}/remove`);
}
