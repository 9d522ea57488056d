/**
 * Self-registration, the reviewer's side: the queue is per tenant, one reviewer holds a request,
 * the decision is one transaction, and the document copies are gone from disk afterwards.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { calendarDate } from "@/lib/server/dates";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/authz";
import { approveRequest } from "@/lib/verification/approve-request";
import { claimRequest, releaseRequest } from "@/lib/verification/claim-request";
import { rejectRequest } from "@/lib/verification/reject-request";
import { withdrawRequest } from "@/lib/verification/withdraw-request";
import { readDocument } from "@/lib/verification/read-document";
import { getMyRequest, getReviewRequest, listQueue } from "@/lib/verification/queries";
import { outboxFor } from "../factories";
import { createDealer, dealerStaff, facts, filesOnDisk, ownerActor, storageKeysOf, submittedRequest, supportUser } from "../factories/verification";
import { refusal } from "../factories/errors";

let support: Actor;
let support2: Actor;
beforeAll(async () => {
  support = await supportUser();
  support2 = await supportUser();
});

describe("the review queue", () => {
  it("shows support the requests routed to support and a dealer's staff only their dealer's, oldest first", async () => {
    const brussels = await createDealer(["fr", "nl", "en"]);
    const other = await createDealer(["fr"]);
    const staff = await dealerStaff(brussels.id);
    const otherStaff = await dealerStaff(other.id);
    const first = await submittedRequest(await ownerActor("fr"), { dealerId: brussels.id });
    const second = await submittedRequest(await ownerActor("fr"), { dealerId: brussels.id });
    const dutch = await submittedRequest(await ownerActor("nl"));

    const ids = (q: Awaited<ReturnType<typeof listQueue>>) => q.open.map((r) => r.id);
    const staffQueue = ids(await listQueue(staff));
    expect(staffQueue).toEqual([first.requestId, second.requestId]);
    expect(ids(await listQueue(otherStaff))).toEqual([]);
    const supportQueue = ids(await listQueue(support));
    expect(supportQueue).toContain(dutch.requestId);
    expect(supportQueue).not.toContain(first.requestId);

    expect(await getReviewRequest(otherStaff, first.requestId)).toBeNull();
    expect(await getReviewRequest(support, first.requestId)).toBeNull();
    expect((await refusal(claimRequest({ actor: otherStaff, requestId: first.requestId }))).code).toBe("NOT_FOUND");
    const owner = await ownerActor();
    expect((await refusal(claimRequest({ actor: owner, requestId: first.requestId }))).code).toBe("NOT_FOUND");
  });

  it("lets exactly one of two reviewers claiming at once hold the request", async () => {
    const r = await submittedRequest(await ownerActor());
    const results = await Promise.allSettled([claimRequest({ actor: support, requestId: r.requestId }), claimRequest({ actor: support2, requestId: r.requestId })]);
    const won = results.filter((x) => x.status === "fulfilled");
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(AppError);
    expect((lost[0]!.reason as AppError).messageKey).toBe("request_taken");
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } });
    expect(row.status).toBe("IN_REVIEW");
    expect([support.userId, support2.userId]).toContain(row.claimedById);
  });

  it("shows the documents only to the reviewer holding the request", async () => {
    const requester = await ownerActor();
    const r = await submittedRequest(requester);
    const docs = await db.verificationDocument.findMany({ where: { requestId: r.requestId } });
    // Not claimed yet: no one reads them.
    expect((await refusal(readDocument({ actor: support, documentId: docs[0]!.id }))).code).toBe("NOT_FOUND");
    await claimRequest({ actor: support, requestId: r.requestId });
    const doc = await readDocument({ actor: support, documentId: docs.find((d) => d.kind === "REGISTRATION")!.id });
    expect(doc.mimeType).toBe("application/pdf");
    expect(doc.data.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await refusal(readDocument({ actor: support2, documentId: docs[0]!.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(readDocument({ actor: requester, documentId: docs[0]!.id }))).code).toBe("NOT_FOUND");
    expect((await getReviewRequest(support2, r.requestId))?.documents).toEqual([]);
    expect((await getReviewRequest(support, r.requestId))?.documents).toHaveLength(3);

    await releaseRequest({ actor: support, requestId: r.requestId });
    expect((await refusal(readDocument({ actor: support, documentId: docs[0]!.id }))).code).toBe("NOT_FOUND");
  });
});

describe("the decision", () => {
  it("approves: facts kept, car linked as SELF_REGISTRATION, audit and e-mail written, copies gone from disk", async () => {
    const requester = await ownerActor();
    const r = await submittedRequest(requester);
    const keys = await storageKeysOf(r.requestId);
    expect(filesOnDisk()).toEqual(expect.arrayContaining(keys));
    await claimRequest({ actor: support, requestId: r.requestId });

    expect((await refusal(approveRequest({ actor: support, ...facts(r.requestId, r.vin), vin: "WP0ZZZ99ZTS392124" }))).messageKey).toBe("vin_mismatch");
    expect((await refusal(approveRequest({ actor: support2, ...facts(r.requestId, r.vin) }))).messageKey).toBe("not_your_request");

    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin) });
    expect(result.copiesDeleted).toBe(true);
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);

    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, include: { documents: true, facts: true } });
    expect(row).toMatchObject({ status: "APPROVED", decidedById: support.userId, vehicleId: result.vehicleId });
    expect(row.documentsPurgedAt).not.toBeNull();
    expect(row.documents.every((d) => d.deletedAt)).toBe(true);
    expect(row.facts).toMatchObject({ fullName: "Test User", placeOfBirth: "Utrecht", vin: r.vin, registeredOwnerName: "Test User", holdingId: result.holdingId, organisationId: null });

    const holding = await db.holding.findUniqueOrThrow({ where: { id: result.holdingId! } });
    expect(holding).toMatchObject({ kind: "OWNER", origin: "SELF_REGISTRATION", userId: requester.userId, endedAt: null });
    const mails = await outboxFor(requester.email);
    expect(mails.map((m) => m.template)).toEqual(["verification-approved"]);
    expect(String((mails[0]!.payload as { url: string }).url)).toContain(`/garage/vehicles/${result.vehicleId}`);
    const audits = await db.auditLog.findMany({ where: { OR: [{ entityId: r.requestId }, { entityId: result.holdingId! }] }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["verification.submitted", "verification.claimed", "verification.approved", "vehicle.linked"]));
    expect((await getMyRequest(requester, r.requestId))?.carInGarage).toBe(true);
  });

  it("judges the ID document by the day in Amsterdam: at 00:30 there (23:30 UTC) one valid until the UTC date has expired", async () => {
    const requester = await ownerActor();
    const r = await submittedRequest(requester);
    await claimRequest({ actor: support, requestId: r.requestId });
    const now = new Date("2026-03-01T23:30:00Z"); // 00:30 on 2 March in Amsterdam (winter time)

    const e = await refusal(approveRequest({ actor: support, ...facts(r.requestId, r.vin, { documentValidUntil: calendarDate("2026-03-01") }), now }));
    expect([e.messageKey, e.fieldErrors]).toEqual(["id_expired", { documentValidUntil: ["id_expired"] }]);
    expect((await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).status).toBe("IN_REVIEW");

    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin, { documentValidUntil: calendarDate("2026-03-02") }), now });
    expect(await db.holding.findUniqueOrThrow({ where: { id: result.holdingId! } })).toMatchObject({ kind: "OWNER", userId: requester.userId });
  });

  it("links an authorised driver as DRIVER under the car's owner", async () => {
    const requester = await ownerActor();
    const r = await submittedRequest(requester, { relationship: "DRIVER" });
    expect(await storageKeysOf(r.requestId)).toHaveLength(4);
    await claimRequest({ actor: support, requestId: r.requestId });
    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin) });
    expect(await db.holding.findUniqueOrThrow({ where: { id: result.holdingId! } })).toMatchObject({ kind: "DRIVER", origin: "SELF_REGISTRATION" });
  });

  it("on a certificate in the requester's name, asks the current owner (a dispute) without naming the new one; nothing changes hands yet", async () => {
    const first = await ownerActor();
    const r0 = await submittedRequest(first);
    await claimRequest({ actor: support, requestId: r0.requestId });
    const linked = await approveRequest({ actor: support, ...facts(r0.requestId, r0.vin) });

    const buyer = await ownerActor();
    const r = await submittedRequest(buyer, { vin: r0.vin });
    await claimRequest({ actor: support, requestId: r.requestId });
    const view = await getReviewRequest(support, r.requestId);
    expect(view?.activeOwner).toMatchObject({ isRequester: false });
    expect((await refusal(approveRequest({ actor: support, ...facts(r.requestId, r.vin) }))).messageKey).toBe("ownership_change_needs_confirmation");
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "IN_REVIEW" });

    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin, { fullName: "Buyer Person", registeredOwnerName: "Buyer Person" }), confirmOwnershipChange: true });
    expect(result).toMatchObject({ ownershipChanged: false, holdingId: null, copiesDeleted: false, disputeId: expect.any(String) });
    expect(await db.holding.findUniqueOrThrow({ where: { id: linked.holdingId! } })).toMatchObject({ endedAt: null, userId: first.userId });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: result.disputeId! } })).toMatchObject({ status: "OPEN", holderId: first.userId, claimantId: buyer.userId });
    // The copies stay for a reviewer of a contest; the facts wait for the holding.
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, include: { documents: true, facts: true } });
    expect(row.documents.every((d) => d.deletedAt === null)).toBe(true);
    expect(row.facts).toMatchObject({ holdingId: null, registeredOwnerName: "Buyer Person" });
    const told = (await outboxFor(first.email)).find((m) => m.template === "dispute-opened");
    expect(told).toBeDefined();
    expect(JSON.stringify(told!.payload)).not.toMatch(/Buyer|buyer|@example/);
    expect(JSON.stringify(told!.payload)).not.toContain(buyer.email);
  });

  it("a change of owner is refused when the certificate is not in the name on the requester's ID document, even when confirmed", async () => {
    const first = await ownerActor();
    const r0 = await submittedRequest(first);
    await claimRequest({ actor: support, requestId: r0.requestId });
    const linked = await approveRequest({ actor: support, ...facts(r0.requestId, r0.vin) });

    const buyer = await ownerActor();
    const r = await submittedRequest(buyer, { vin: r0.vin });
    await claimRequest({ actor: support, requestId: r.requestId });
    const e = await refusal(approveRequest({ actor: support, ...facts(r.requestId, r.vin, { fullName: "Buyer Person", registeredOwnerName: "Lease Company BV" }), confirmOwnershipChange: true }));
    expect(e).toMatchObject({ code: "VALIDATION", messageKey: "registered_owner_mismatch", fieldErrors: { registeredOwnerName: ["registered_owner_mismatch"] } });
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "IN_REVIEW", decidedAt: null });
    expect(await db.holding.findUniqueOrThrow({ where: { id: linked.holdingId! } })).toMatchObject({ endedAt: null, userId: first.userId });
    expect(await db.holding.count({ where: { userId: buyer.userId } })).toBe(0);
    expect(await db.dispute.count({ where: { claimantId: buyer.userId } })).toBe(0);
    expect((await outboxFor(first.email)).map((m) => m.template)).toEqual(["verification-approved"]);

    // The same name written differently is the same name.
    const result = await approveRequest({ actor: support, ...facts(r.requestId, r.vin, { fullName: "Buyer Person", registeredOwnerName: "PERSON, BÜYER" }), confirmOwnershipChange: true });
    expect(result.disputeId).not.toBeNull();
  });

  it("rejects with a reason: e-mail with the reason, no facts, copies gone from disk", async () => {
    const requester = await ownerActor();
    const r = await submittedRequest(requester);
    const keys = await storageKeysOf(r.requestId);
    await claimRequest({ actor: support, requestId: r.requestId });
    const result = await rejectRequest({ actor: support, requestId: r.requestId, reason: "ID_UNREADABLE", note: "Too blurry" });
    expect(result.copiesDeleted).toBe(true);
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId }, include: { facts: true } });
    expect(row).toMatchObject({ status: "REJECTED", rejectionReason: "ID_UNREADABLE", rejectionNote: "Too blurry", facts: null });
    expect(row.documentsPurgedAt).not.toBeNull();
    const mail = (await outboxFor(requester.email)).find((m) => m.template === "verification-rejected");
    expect(mail?.payload).toMatchObject({ reason: "ID_UNREADABLE", note: "Too blurry" });
    expect(await db.holding.count({ where: { userId: requester.userId } })).toBe(0);
  });

  it("lets the owner withdraw before the decision: copies gone from disk, and no decision afterwards", async () => {
    const requester = await ownerActor();
    const r = await submittedRequest(requester);
    const keys = await storageKeysOf(r.requestId);
    await claimRequest({ actor: support, requestId: r.requestId });
    const other = await ownerActor();
    expect((await refusal(withdrawRequest({ actor: other, requestId: r.requestId }))).code).toBe("NOT_FOUND");

    const result = await withdrawRequest({ actor: requester, requestId: r.requestId });
    expect(result.copiesDeleted).toBe(true);
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "WITHDRAWN" });
    expect((await refusal(approveRequest({ actor: support, ...facts(r.requestId, r.vin) }))).messageKey).toBe("not_your_request");
    expect((await refusal(withdrawRequest({ actor: requester, requestId: r.requestId }))).messageKey).toBe("request_decided");
  });

  it("a dealer's staff decide the requests routed to their dealer, and the facts name the dealer", async () => {
    const brussels = await createDealer(["fr", "nl", "en"]);
    const staff = await dealerStaff(brussels.id);
    const requester = await ownerActor("fr");
    const r = await submittedRequest(requester, { dealerId: brussels.id });
    await claimRequest({ actor: staff, requestId: r.requestId });
    const result = await approveRequest({ actor: staff, ...facts(r.requestId, r.vin) });
    expect(await db.verifiedFacts.findUniqueOrThrow({ where: { requestId: r.requestId } })).toMatchObject({ organisationId: brussels.id });
    expect(await db.holding.findUniqueOrThrow({ where: { id: result.holdingId! } })).toMatchObject({ linkedByOrganisationId: brussels.id });
    // A French speaker's links open the French interface.
    const mail = (await outboxFor(requester.email)).find((m) => m.template === "verification-approved");
    expect(mail).toMatchObject({ locale: "fr" });
    expect(String((mail!.payload as { url: string }).url)).toContain("/fr/garage/vehicles/");
  });
});
