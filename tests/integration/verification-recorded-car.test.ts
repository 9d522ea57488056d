/**
 * An approved self-registration of a known VIN keeps the car as recorded: what the reviewer typed
 * as make and model is ignored, and the e-mails name the recorded car.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { approveRequest } from "@/lib/verification/approve-request";
import { claimRequest } from "@/lib/verification/claim-request";
import { outboxFor } from "../factories";
import { facts, ownerActor, submittedRequest, supportUser } from "../factories/verification";

describe("approving a self-registration of a known car", () => {
  it("keeps the recorded make and model, and both e-mails name them", async () => {
    const support = await supportUser();
    const first = await ownerActor();
    const r0 = await submittedRequest(first);
    await claimRequest({ actor: support, requestId: r0.requestId });
    const linked = await approveRequest({ actor: support, ...facts(r0.requestId, r0.vin) }); // a Porsche Macan 2023, electric

    const buyer = await ownerActor();
    const r = await submittedRequest(buyer, { vin: r0.vin });
    await claimRequest({ actor: support, requestId: r.requestId });
    const typed = { fullName: "Buyer Person", registeredOwnerName: "Buyer Person", make: "Opel", model: "Corsa", modelYear: 2011, fuel: "DIESEL" };
    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin, typed), confirmOwnershipChange: true });

    // The car is another owner's: they are asked (docs/decisions/0035), both e-mails name the recorded car.
    expect(result).toMatchObject({ vehicleId: linked.vehicleId, ownershipChanged: false, disputeId: expect.any(String) });
    expect(await db.vehicle.findUniqueOrThrow({ where: { id: linked.vehicleId } })).toMatchObject({ make: "Porsche", model: "Macan", modelYear: 2023, fuel: "ELECTRIC" });
    const told = (await outboxFor(first.email)).filter((m) => m.template === "dispute-opened");
    const approved = (await outboxFor(buyer.email)).filter((m) => m.template === "dispute-pending");
    expect([...told, ...approved].map((m) => (m.payload as { car: string }).car)).toEqual(["Porsche Macan", "Porsche Macan"]);
  });
});
