/**
 * A reviewer's claim on a self-registration request lasts only while its holder still has access
 * to the request (support, or staff of the chosen dealer, with an active account) and for
 * CLAIM_HOURS; after that any reviewer of the request can take it over. Claim, release, approve,
 * reject, the documents and the queue all judge a claim the same way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/authz";
import { approveRequest } from "@/lib/verification/approve-request";
import { claimRequest, releaseRequest } from "@/lib/verification/claim-request";
import { rejectRequest } from "@/lib/verification/reject-request";
import { readDocument } from "@/lib/verification/read-document";
import { getReviewRequest, listQueue } from "@/lib/verification/queries";
import { actorFor } from "../factories";
import { createDealer, dealerStaff, facts, ownerActor, submittedRequest, supportUser } from "../factories/verification";
import { refusal } from "../factories/errors";

const HOUR = 3600_000;

const queueRow = async (actor: Actor, requestId: string) => (await listQueue(actor)).open.find((r) => r.id === requestId);

let support2: Actor;
beforeAll(async () => {
  support2 = await supportUser();
});

describe("a claim whose holder lost access", () => {
  it("a dealer's request: its holder removed from the dealer, a colleague takes it over and decides", async () => {
    const dealer = await createDealer(["fr", "nl", "en"]);
    const holder = await dealerStaff(dealer.id);
    const colleague = await dealerStaff(dealer.id);
    const r = await submittedRequest(await ownerActor("fr"), { dealerId: dealer.id });
    await claimRequest({ actor: holder, requestId: r.requestId });
    // Still held: the colleague cannot take it, sees who holds it, and cannot decide.
    expect((await refusal(claimRequest({ actor: colleague, requestId: r.requestId }))).messageKey).toBe("request_taken");
    expect(await queueRow(colleague, r.requestId)).toMatchObject({ claimable: false, claimedByYou: false, claimedBy: { firstName: "Test" } });

    await db.membership.deleteMany({ where: { userId: holder.userId, organisationId: dealer.id } });
    // The queue shows it waiting again, the request page offers to take it.
    expect(await queueRow(colleague, r.requestId)).toMatchObject({ status: "IN_REVIEW", claimable: true, claimedBy: null });
    expect(await getReviewRequest(colleague, r.requestId)).toMatchObject({ claimable: true, mine: false, claimedBy: null });
    expect((await refusal(rejectRequest({ actor: colleague, requestId: r.requestId, reason: "OTHER", note: undefined }))).messageKey).toBe("not_your_request");

    await claimRequest({ actor: colleague, requestId: r.requestId });
    const row = await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } });
    expect(row).toMatchObject({ status: "IN_REVIEW", claimedById: colleague.userId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: r.requestId, action: "verification.claimed", actorUserId: colleague.userId } });
    expect(audit.data).toMatchObject({ takenOverFrom: holder.userId, lapsed: "access" });
    expect(await getReviewRequest(colleague, r.requestId)).toMatchObject({ mine: true, claimable: false });
    await approveRequest({ actor: colleague, ...facts(r.requestId, r.vin) });
    expect((await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).status).toBe("APPROVED");
  });

  it("a support request: its holder no longer support, another support member takes it over", async () => {
    const holder = await supportUser();
    const r = await submittedRequest(await ownerActor());
    await claimRequest({ actor: holder, requestId: r.requestId });
    expect((await refusal(claimRequest({ actor: support2, requestId: r.requestId }))).messageKey).toBe("request_taken");
    await db.user.update({ where: { id: holder.userId }, data: { platformRole: "NONE" } });
    await claimRequest({ actor: support2, requestId: r.requestId });
    expect((await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).claimedById).toBe(support2.userId);
  });

  it("a disabled holder: the claim ends with the account's access, and coming back does not revive it once taken", async () => {
    const holder = await supportUser();
    const r = await submittedRequest(await ownerActor());
    await claimRequest({ actor: holder, requestId: r.requestId });
    await db.user.update({ where: { id: holder.userId }, data: { status: "DISABLED" } });
    expect(await queueRow(support2, r.requestId)).toMatchObject({ claimable: true, claimedBy: null });
    await claimRequest({ actor: support2, requestId: r.requestId });

    await db.user.update({ where: { id: holder.userId }, data: { status: "ACTIVE" } });
    const back = await actorFor(holder.userId);
    const docs = await db.verificationDocument.findMany({ where: { requestId: r.requestId } });
    expect((await refusal(readDocument({ actor: back, documentId: docs[0]!.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(releaseRequest({ actor: back, requestId: r.requestId }))).messageKey).toBe("not_your_request");
    expect((await refusal(approveRequest({ actor: back, ...facts(r.requestId, r.vin) }))).messageKey).toBe("not_your_request");
    expect((await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).claimedById).toBe(support2.userId);
  });
});

describe("a claim left without a decision", () => {
  it("holds for 48 hours, then anyone reviewing the request can take it over", async () => {
    const holder = await supportUser();
    const r = await submittedRequest(await ownerActor());
    const claimedAt = new Date(Date.now() - 47 * HOUR);
    await claimRequest({ actor: holder, requestId: r.requestId, now: claimedAt });
    expect((await refusal(claimRequest({ actor: support2, requestId: r.requestId }))).messageKey).toBe("request_taken");
    expect(await queueRow(support2, r.requestId)).toMatchObject({ claimable: false });

    const later = new Date(claimedAt.getTime() + 48 * HOUR + 60_000);
    // The lapsed holder may no longer decide, release, or read the documents.
    const docs = await db.verificationDocument.findMany({ where: { requestId: r.requestId } });
    expect((await refusal(approveRequest({ actor: holder, ...facts(r.requestId, r.vin), now: later }))).messageKey).toBe("not_your_request");
    expect((await refusal(rejectRequest({ actor: holder, requestId: r.requestId, reason: "OTHER", note: undefined, now: later }))).messageKey).toBe("not_your_request");
    expect((await refusal(releaseRequest({ actor: holder, requestId: r.requestId, now: later }))).messageKey).toBe("not_your_request");
    expect((await refusal(readDocument({ actor: holder, documentId: docs[0]!.id, now: later }))).code).toBe("NOT_FOUND");
    expect((await listQueue(support2, later)).open.find((q) => q.id === r.requestId)).toMatchObject({ claimable: true, claimedBy: null });
    expect(await getReviewRequest(holder, r.requestId, later)).toMatchObject({ mine: false, claimable: true, documents: [] });

    await claimRequest({ actor: support2, requestId: r.requestId, now: later });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: r.requestId, action: "verification.claimed", actorUserId: support2.userId } });
    expect(audit.data).toMatchObject({ takenOverFrom: holder.userId, lapsed: "time" });
    await rejectRequest({ actor: support2, requestId: r.requestId, reason: "OTHER", note: undefined, now: later });
    expect((await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).status).toBe("REJECTED");
  });

  it("two reviewers taking over a lapsed claim at once: exactly one holds it", async () => {
    const holder = await supportUser();
    const support3 = await supportUser();
    const r = await submittedRequest(await ownerActor());
    await claimRequest({ actor: holder, requestId: r.requestId, now: new Date(Date.now() - 49 * HOUR) });
    const results = await Promise.allSettled([claimRequest({ actor: support2, requestId: r.requestId }), claimRequest({ actor: support3, requestId: r.requestId })]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).messageKey).toBe("request_taken");
    expect([support2.userId, support3.userId]).toContain((await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).claimedById);
  });
});
