/**
 * A self-registration that meets a car held by another owner (docs/decisions/0035): the holder
 * releases, contests or lets the 14 days pass; a reviewer decides a contest. Real database.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/authz";
import { approveRequest } from "@/lib/verification/approve-request";
import { claimRequest } from "@/lib/verification/claim-request";
import { getMyRequest } from "@/lib/verification/queries";
import { releaseDispute } from "@/lib/disputes/release-dispute";
import { contestDispute } from "@/lib/disputes/contest-dispute";
import { decideDispute } from "@/lib/disputes/decide-dispute";
import { lapseDisputes } from "@/lib/disputes/lapse-disputes";
import { readDisputeDocument } from "@/lib/disputes/read-document";
import { getClaimantDispute, getHolderDispute, getReviewDispute, listContested } from "@/lib/disputes/queries";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { listMessages } from "@/lib/messages/queries";
import { buildExport } from "@/lib/privacy/export";
import { DAILY_JOBS } from "@/lib/jobs/registry";
import { actorFor, createUser, outboxFor, uid } from "../factories";
import { refusal } from "../factories/errors";
import { createDealer, dealerStaff, facts, filesOnDisk, ownerActor, sampleJpeg, storageKeysOf, submittedRequest, supportUser, uploadAll } from "../factories/verification";
import { uploadDocument } from "@/lib/verification/upload-document";

const DAY = 24 * 3600_000;

/** A holder with a name and address nobody else has, so a leak is found by a plain search. */
async function distinctOwner(): Promise<Actor & { first: string; last: string }> {
  const first = `Hendrika${uid()}`;
  const last = `Vermeulen${uid()}`;
  const u = await createUser({ email: `holder-${uid()}@holder.example` });
  await db.user.update({ where: { id: u.id }, data: { firstName: first, lastName: last } });
  return Object.assign(await actorFor(u.id), { first, last });
}

/**
 * A car held by `holder` (approved self-registration), then claimed by a new owner whose
 * certificate in their name the reviewer confirmed: an open dispute.
 */
async function disputedCar(opts: { reviewer?: Actor; dealerId?: string; claimantLocale?: "nl" | "fr" } = {}) {
  const support = await supportUser();
  const holder = await distinctOwner();
  const r0 = await submittedRequest(holder);
  await claimRequest({ actor: support, requestId: r0.requestId });
  const linked = await approveRequest({ actor: support, ...facts(r0.requestId, r0.vin, { fullName: `${holder.first} ${holder.last}`, registeredOwnerName: `${holder.first} ${holder.last}` }) });

  const claimant = await ownerActor(opts.claimantLocale ?? "nl");
  const reviewer = opts.reviewer ?? support;
  const r = await submittedRequest(claimant, { vin: r0.vin, dealerId: opts.dealerId });
  await claimRequest({ actor: reviewer, requestId: r.requestId });
  const approved = await approveRequest({ actor: reviewer, ...facts(r.requestId, r.vin), confirmOwnershipChange: true });
  expect(approved.disputeId).toEqual(expect.any(String));
  return { support, reviewer, holder, claimant, vin: r0.vin, vehicleId: linked.vehicleId, holderHoldingId: linked.holdingId!, requestId: r.requestId, disputeId: approved.disputeId! };
}

async function ownerOf(vehicleId: string) {
  return db.holding.findMany({ where: { vehicleId, kind: "OWNER", endedAt: null }, select: { userId: true, origin: true } });
}

async function contested(d: Awaited<ReturnType<typeof disputedCar>>) {
  const upload = await uploadDocument({ actor: d.holder, kind: "REGISTRATION", bytes: await sampleJpeg() });
  await contestDispute({ actor: d.holder, disputeId: d.disputeId, upload_REGISTRATION: upload.uploadId, note: "I never sold it" });
}

describe("a dispute opened by an approved self-registration", () => {
  it("asks the holder by e-mail and inbox with two signed-in links carrying only the dispute's id", async () => {
    const d = await disputedCar();
    const mail = (await outboxFor(d.holder.email)).find((m) => m.template === "dispute-opened")!;
    const p = mail.payload as { releaseUrl: string; contestUrl: string };
    expect(p.releaseUrl).toMatch(new RegExp(`/nl/garage/disputes/${d.disputeId}\\?answer=release$`));
    expect(p.contestUrl).toMatch(new RegExp(`/nl/garage/disputes/${d.disputeId}\\?answer=contest$`));
    const inbox = await listMessages(d.holder);
    expect(inbox.messages.find((m) => m.kind === "dispute_opened")?.link).toBe(`/garage/disputes/${d.disputeId}`);
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.holder.userId, origin: "SELF_REGISTRATION" }]);
    expect(DAILY_JOBS.map((j) => j.name)).toContain("vin-disputes");
  });

  it("the holder's release ends their holding (RELEASED) and makes the claimant the holder, in one go; both told; copies deleted", async () => {
    const d = await disputedCar();
    const keys = await storageKeysOf(d.requestId);
    await releaseDispute({ actor: d.holder, disputeId: d.disputeId });
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.claimant.userId, origin: "SELF_REGISTRATION" }]);
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holderHoldingId } })).toMatchObject({ endReason: "RELEASED" });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: d.disputeId } })).toMatchObject({ status: "RELEASED" });
    const facts = await db.verifiedFacts.findUniqueOrThrow({ where: { requestId: d.requestId } });
    expect(facts.holdingId).not.toBeNull();
    expect((await outboxFor(d.claimant.email)).filter((m) => m.template === "dispute-closed").map((m) => (m.payload as { result: string }).result)).toEqual(["yours"]);
    expect((await outboxFor(d.holder.email)).filter((m) => m.template === "dispute-closed").map((m) => (m.payload as { result: string }).result)).toEqual(["released"]);
    for (const k of keys) expect(filesOnDisk()).not.toContain(k);
    expect((await getMyRequest(d.claimant, d.requestId))?.carInGarage).toBe(true);
    // Answering again: settled.
    expect((await refusal(releaseDispute({ actor: d.holder, disputeId: d.disputeId }))).messageKey).toBe("dispute_closed");
  });

  it("the 14-day lapse releases exactly once: two runs one after the other and two at once", async () => {
    const a = await disputedCar();
    const b = await disputedCar();
    const late = new Date(Date.now() + 14 * DAY + 60_000);
    // Not yet due: nothing.
    expect(await lapseDisputes(new Date(Date.now() + 13 * DAY), { disputeIds: [a.disputeId, b.disputeId] })).toMatchObject({ lapsed: 0 });

    const [r1, r2] = await Promise.all([lapseDisputes(late, { disputeIds: [a.disputeId, b.disputeId] }), lapseDisputes(late, { disputeIds: [a.disputeId, b.disputeId] })]);
    expect(r1.lapsed + r2.lapsed).toBe(2);
    expect(r1.skipped + r2.skipped).toBe(0);
    expect((await lapseDisputes(late, { disputeIds: [a.disputeId, b.disputeId] })).lapsed).toBe(0);
    for (const d of [a, b]) {
      expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.claimant.userId, origin: "SELF_REGISTRATION" }]);
      expect(await db.holding.count({ where: { vehicleId: d.vehicleId, userId: d.claimant.userId } })).toBe(1);
      expect(await db.holding.findUniqueOrThrow({ where: { id: d.holderHoldingId } })).toMatchObject({ endReason: "RELEASED" });
      expect(await db.auditLog.count({ where: { action: "dispute.lapsed", entityId: d.disputeId } })).toBe(1);
      expect((await outboxFor(d.holder.email)).filter((m) => m.template === "dispute-closed").map((m) => (m.payload as { result: string }).result)).toEqual(["lapsed"]);
      expect((await outboxFor(d.claimant.email)).filter((m) => m.template === "dispute-closed")).toHaveLength(1);
    }
  });

  it("a release racing the holder's removal gives one outcome: the claimant holds the car once, the holding ended once", async () => {
    for (let i = 0; i < 3; i++) {
      const d = await disputedCar();
      const results = await Promise.allSettled([
        releaseDispute({ actor: d.holder, disputeId: d.disputeId }),
        removeVehicle({ actor: d.holder, vehicleId: d.vehicleId, understood: true }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(["dispute_closed", "vehicle_not_held"]).toContain(lost.reason.messageKey);
      expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.claimant.userId, origin: "SELF_REGISTRATION" }]);
      const holding = await db.holding.findUniqueOrThrow({ where: { id: d.holderHoldingId } });
      expect(["RELEASED", "REMOVED"]).toContain(holding.endReason);
      expect(await db.dispute.findUniqueOrThrow({ where: { id: d.disputeId } })).toMatchObject({ status: "RELEASED" });
      expect((await outboxFor(d.claimant.email)).filter((m) => m.template === "dispute-closed")).toHaveLength(1);
    }
  });

  it("the claimant never sees the holder's name or e-mail: pages' data, inbox, e-mails, export", async () => {
    const d = await disputedCar();
    const secrets = [d.holder.first, d.holder.last, d.holder.email, d.holder.userId, d.holderHoldingId];
    const scan = (what: string, value: unknown) => {
      const text = JSON.stringify(value);
      for (const s of secrets) expect(text, `${what} holds ${s}`).not.toContain(s);
    };
    scan("claimant dispute (open)", await getClaimantDispute(d.claimant, d.requestId));
    scan("claimant request", await getMyRequest(d.claimant, d.requestId));
    await contested(d);
    scan("claimant dispute (contested)", await getClaimantDispute(d.claimant, d.requestId));
    await decideDispute({ actor: d.reviewer, disputeId: d.disputeId, winner: "holder" });
    scan("claimant dispute (decided)", await getClaimantDispute(d.claimant, d.requestId));
    scan("claimant inbox", await listMessages(d.claimant));
    scan("claimant e-mails", await outboxFor(d.claimant.email));
    scan("claimant export", await buildExport({ actor: d.claimant }));
    // Nor the holder the claimant's.
    const holderView = await getHolderDispute(d.holder, d.disputeId);
    for (const s of [d.claimant.email, d.claimant.userId, d.requestId]) {
      expect(JSON.stringify(holderView)).not.toContain(s);
      expect(JSON.stringify(await outboxFor(d.holder.email))).not.toContain(s);
    }
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.holder.userId, origin: "SELF_REGISTRATION" }]);
  });
});

describe("a contest", () => {
  it("goes to the request's reviewer with both sides' documents; deciding for the claimant hands the car over", async () => {
    const d = await disputedCar();
    await contested(d);
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.holder.userId, origin: "SELF_REGISTRATION" }]);
    expect((await listContested(d.support)).map((x) => x.id)).toContain(d.disputeId);
    const view = (await getReviewDispute(d.support, d.disputeId))!;
    expect(view.claimant.documents.map((x) => x.kind)).toEqual(["ID_FRONT", "ID_BACK", "REGISTRATION"]);
    expect(view.holder.documents.map((x) => x.kind)).toEqual(["REGISTRATION"]);
    expect(view.contestNote).toBe("I never sold it");
    const doc = await readDisputeDocument({ actor: d.support, disputeId: d.disputeId, documentId: view.holder.documents[0]!.id });
    expect(doc.mimeType).toBe("image/jpeg");
    await readDisputeDocument({ actor: d.support, disputeId: d.disputeId, documentId: view.claimant.documents[2]!.id });
    // The lapse job leaves a contested dispute alone.
    expect((await lapseDisputes(new Date(Date.now() + 30 * DAY), { disputeIds: [d.disputeId] })).lapsed).toBe(0);

    const holderKey = (await db.disputeDocument.findFirstOrThrow({ where: { disputeId: d.disputeId } })).storageKey;
    await decideDispute({ actor: d.support, disputeId: d.disputeId, winner: "claimant" });
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.claimant.userId, origin: "SELF_REGISTRATION" }]);
    expect(await db.holding.findUniqueOrThrow({ where: { id: d.holderHoldingId } })).toMatchObject({ endReason: "OWNERSHIP_CHANGED" });
    expect(filesOnDisk()).not.toContain(holderKey);
    expect((await outboxFor(d.holder.email)).filter((m) => m.template === "dispute-closed").map((m) => (m.payload as { result: string }).result)).toEqual(["lost"]);
    expect((await refusal(readDisputeDocument({ actor: d.support, disputeId: d.disputeId, documentId: view.holder.documents[0]!.id }))).code).toBe("NOT_FOUND");
  });

  it("needs the holder's certificate upload", async () => {
    const d = await disputedCar();
    const e = await refusal(contestDispute({ actor: d.holder, disputeId: d.disputeId }));
    expect(e.fieldErrors).toEqual({ upload_REGISTRATION: ["document_missing"] });
    const other = await ownerActor();
    const theirs = await uploadAll(other, ["REGISTRATION"]);
    expect((await refusal(contestDispute({ actor: d.holder, disputeId: d.disputeId, upload_REGISTRATION: theirs.upload_REGISTRATION }))).fieldErrors).toEqual({ upload_REGISTRATION: ["document_invalid"] });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: d.disputeId } })).toMatchObject({ status: "OPEN" });
  });
});

describe("cross-tenant: only the holder answers, only the assigned reviewer decides", () => {
  it("the claimant, another owner and a dealer's staff get not found on release and contest", async () => {
    const d = await disputedCar();
    const dealer = await createDealer();
    const staff = await dealerStaff(dealer.id);
    const stranger = await ownerActor();
    const upload = await uploadAll(d.holder, ["REGISTRATION"]);
    for (const actor of [d.claimant, stranger]) {
      expect((await refusal(releaseDispute({ actor, disputeId: d.disputeId }))).code).toBe("NOT_FOUND");
      expect((await refusal(contestDispute({ actor, disputeId: d.disputeId, ...upload }))).code).toBe("NOT_FOUND");
      expect(await getHolderDispute(actor, d.disputeId)).toBeNull();
    }
    // Staff are not owners: refused before anything is read.
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(releaseDispute({ actor: staff, disputeId: d.disputeId }))).code);
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(contestDispute({ actor: staff, disputeId: d.disputeId, ...upload }))).code);
    expect(await db.dispute.findUniqueOrThrow({ where: { id: d.disputeId } })).toMatchObject({ status: "OPEN" });
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.holder.userId, origin: "SELF_REGISTRATION" }]);
  });

  it("a dispute routed to the claimant's chosen dealer: only that dealer's staff decide; support, another dealer and the parties get not found", async () => {
    const dealer = await createDealer(["fr"]);
    const otherDealer = await createDealer(["fr", "nl"]);
    const staff = await dealerStaff(dealer.id);
    const d = await disputedCar({ reviewer: staff, dealerId: dealer.id, claimantLocale: "fr" });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: d.disputeId } })).toMatchObject({ route: "DEALER", dealerId: dealer.id });
    await contested(d);
    const outsiders = [d.support, await dealerStaff(otherDealer.id)];
    for (const actor of outsiders) {
      expect((await refusal(decideDispute({ actor, disputeId: d.disputeId, winner: "claimant" }))).code).toBe("NOT_FOUND");
      expect(await getReviewDispute(actor, d.disputeId)).toBeNull();
      expect((await listContested(actor)).map((x) => x.id)).not.toContain(d.disputeId);
      const doc = (await db.disputeDocument.findFirstOrThrow({ where: { disputeId: d.disputeId } })).id;
      expect((await refusal(readDisputeDocument({ actor, disputeId: d.disputeId, documentId: doc }))).code).toBe("NOT_FOUND");
    }
    for (const actor of [d.holder, d.claimant]) {
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(decideDispute({ actor, disputeId: d.disputeId, winner: "holder" }))).code);
    }
    expect(await db.dispute.findUniqueOrThrow({ where: { id: d.disputeId } })).toMatchObject({ status: "CONTESTED" });
    // Another member of the chosen dealer decides (not only the one who approved).
    const colleague = await dealerStaff(dealer.id);
    await decideDispute({ actor: colleague, disputeId: d.disputeId, winner: "holder" });
    expect(await ownerOf(d.vehicleId)).toEqual([{ userId: d.holder.userId, origin: "SELF_REGISTRATION" }]);
    expect((await outboxFor(d.claimant.email)).filter((m) => m.template === "dispute-closed").map((m) => [m.locale, (m.payload as { result: string }).result])).toEqual([["fr", "kept"]]);
    expect((await refusal(decideDispute({ actor: colleague, disputeId: d.disputeId, winner: "claimant" }))).code).toBe("NOT_FOUND");
  });
});

describe("one claim at a time", () => {
  it("a second claimant's approval waits while the car's dispute is unsettled; the request stays in review", async () => {
    const d = await disputedCar();
    const second = await ownerActor();
    const r = await submittedRequest(second, { vin: d.vin });
    await claimRequest({ actor: d.support, requestId: r.requestId });
    const e = await refusal(approveRequest({ actor: d.support, ...facts(r.requestId, r.vin), confirmOwnershipChange: true }));
    expect([e.code, e.messageKey]).toEqual(["CONFLICT", "vehicle_disputed"]);
    expect(await db.verificationRequest.findUniqueOrThrow({ where: { id: r.requestId } })).toMatchObject({ status: "IN_REVIEW" });
    expect(await db.dispute.count({ where: { vehicleId: d.vehicleId } })).toBe(1);
  });
});
