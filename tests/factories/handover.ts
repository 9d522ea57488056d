/** Handovers between owners (docs/decisions/0034) through their use cases, for integration tests. */
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import { startHandover } from "@/lib/handover/start-handover";
import { acceptHandover } from "@/lib/handover/accept-handover";
import { actorFor, createUser, outboxFor, tokenFromPayload, uniqueEmail } from "./index";
import { ownedVehicle } from "./linking";

/** An owned car (CONNECT and CHARGING active, a driver, a service entry) and a handover of it to `buyerEmail`, CONNECT going with the car. */
export async function startedHandover(buyerEmail = uniqueEmail("buyer"), over: { now?: Date } = {}) {
  const car = await ownedVehicle();
  const seller = await actorFor(car.owner.id);
  const connect = car.active.find((c) => c.product === "CONNECT")!;
  const charging = car.active.find((c) => c.product === "CHARGING")!;
  const r = await startHandover({
    actor: seller,
    vehicleId: car.vehicle.id,
    buyerName: "Bram Koper",
    buyerEmail,
    buyerEmailConfirm: buyerEmail,
    locale: "nl",
    soldOn: today(),
    mileageKm: 15000,
    move: [connect.id],
    now: over.now,
  });
  const mail = (await outboxFor(buyerEmail)).filter((m) => m.template === "handover-offer").at(-1)!;
  return { car, seller, buyerEmail, handoverId: r.handoverId, token: tokenFromPayload(mail.payload), connect, charging };
}

/** A handover accepted (at `acceptedAt`, default now) by a buyer who has an account. */
export async function acceptedHandover(over: { acceptedAt?: Date } = {}) {
  const s = await startedHandover(uniqueEmail("buyer"), { now: over.acceptedAt ? new Date(over.acceptedAt.getTime() - 3_600_000) : undefined });
  const buyerUser = await createUser({ email: s.buyerEmail });
  const buyer = await actorFor(buyerUser.id);
  await acceptHandover({ actor: buyer, token: s.token, now: over.acceptedAt });
  return { ...s, buyer, buyerUser };
}

/** The handover row as stored. */
export function handoverRow(id: string) {
  return db.handover.findUniqueOrThrow({ where: { id } });
}
