import { describe, expect, it } from "vitest";
import { CLAIM_HOURS, claimLapse, isClaimable, liveClaimHolder, type ClaimState } from "@/lib/verification/claims";

const HOUR = 3600_000;
const claimedAt = new Date("2026-12-01T09:00:00Z");
const at = (hours: number) => new Date(claimedAt.getTime() + hours * HOUR);

const supportClaim = (over: Partial<ClaimState> = {}): ClaimState => ({
  status: "IN_REVIEW",
  route: "SUPPORT",
  dealerId: null,
  claimedById: "u1",
  claimedAt,
  claimedBy: { status: "ACTIVE", platformRole: "SUPPORT", memberships: [] },
  ...over,
});

const dealerClaim = (memberships: string[], over: Partial<ClaimState> = {}): ClaimState => ({
  ...supportClaim(),
  route: "DEALER",
  dealerId: "d1",
  claimedBy: { status: "ACTIVE", platformRole: "NONE", memberships: memberships.map((organisationId) => ({ organisationId })) },
  ...over,
});

describe("a live claim", () => {
  it("lasts CLAIM_HOURS (48) from the moment it was made, not a minute longer", () => {
    expect(CLAIM_HOURS).toBe(48);
    expect(liveClaimHolder(supportClaim(), at(0))).toBe("u1");
    expect(liveClaimHolder(supportClaim(), at(47.99))).toBe("u1");
    expect(liveClaimHolder(supportClaim(), at(48))).toBeNull();
    expect(claimLapse(supportClaim(), at(48))).toBe("time");
    expect(isClaimable(supportClaim(), at(47))).toBe(false);
    expect(isClaimable(supportClaim(), at(49))).toBe(true);
  });

  it("needs its holder's access: still support for a support request", () => {
    expect(claimLapse(supportClaim({ claimedBy: { status: "ACTIVE", platformRole: "NONE", memberships: [] } }), at(1))).toBe("access");
    expect(claimLapse(supportClaim({ claimedBy: { status: "ACTIVE", platformRole: "ADMIN", memberships: [] } }), at(1))).toBe("access");
    expect(claimLapse(supportClaim({ claimedBy: { status: "DISABLED", platformRole: "SUPPORT", memberships: [] } }), at(1))).toBe("access");
    // A holder whose account is gone (claimedById set to null by the database) holds nothing either.
    expect(claimLapse(supportClaim({ claimedBy: null }), at(1))).toBe("access");
  });

  it("needs its holder's access: still staff of the chosen dealer for a dealer's request", () => {
    expect(liveClaimHolder(dealerClaim(["d1"]), at(1))).toBe("u1");
    expect(liveClaimHolder(dealerClaim(["d2", "d1"]), at(1))).toBe("u1");
    expect(claimLapse(dealerClaim(["d2"]), at(1))).toBe("access");
    expect(claimLapse(dealerClaim([]), at(1))).toBe("access");
    // Support cannot hold a request routed to a dealer.
    expect(claimLapse(dealerClaim([], { claimedBy: { status: "ACTIVE", platformRole: "SUPPORT", memberships: [] } }), at(1))).toBe("access");
  });

  it("exists only on a request in review: a waiting or decided request has no holder and only a waiting one can be claimed", () => {
    const waiting = supportClaim({ status: "SUBMITTED", claimedById: null, claimedAt: null, claimedBy: null });
    expect(liveClaimHolder(waiting, at(0))).toBeNull();
    expect(claimLapse(waiting, at(0))).toBeNull();
    expect(isClaimable(waiting, at(0))).toBe(true);
    for (const status of ["APPROVED", "REJECTED", "WITHDRAWN"] as const) {
      expect(liveClaimHolder(supportClaim({ status }), at(1))).toBeNull();
      expect(isClaimable(supportClaim({ status }), at(100))).toBe(false);
    }
  });
});
