import { describe, expect, it } from "vitest";
import {
  assertCan,
  can,
  homePathFor,
  organisationsWith,
  PERMISSIONS,
  rolesOf,
  type Actor,
  type ActorMembership,
  type Permission,
} from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";

function actor(over: Partial<Actor> = {}): Actor {
  return { userId: "u1", email: "a@example.test", name: "A", locale: "nl", platformRole: "NONE", memberships: [], sessionId: "s1", ...over };
}
const member = (organisationId: string, kind: ActorMembership["kind"], role: ActorMembership["role"] = "MEMBER"): ActorMembership => ({
  organisationId,
  organisationName: organisationId,
  kind,
  role,
});

const ALL = Object.keys(PERMISSIONS) as Permission[];

/** The expected table, written out by hand: every actor keeps the owner permissions. */
const CASES: { who: string; actor: Actor; allowed: Permission[] }[] = [
  { who: "owner", actor: actor(), allowed: ["garage:use", "account:manage"] },
  {
    who: "dealer member",
    actor: actor({ memberships: [member("d", "DEALER")] }),
    allowed: ["garage:use", "account:manage", "console:use", "invitations:manage", "vehicles:link", "verification:review", "service:record"],
  },
  {
    who: "garage member",
    actor: actor({ memberships: [member("g", "GARAGE")] }),
    allowed: ["garage:use", "account:manage", "console:use", "passports:manage", "fleet:view", "service:record"],
  },
  {
    who: "fleet member",
    actor: actor({ memberships: [member("f", "FLEET")] }),
    allowed: ["garage:use", "account:manage", "console:use", "fleet:view"],
  },
  {
    who: "support",
    actor: actor({ platformRole: "SUPPORT" }),
    allowed: ["garage:use", "account:manage", "console:use", "verification:review", "transfers:correct", "handovers:decide", "users:assist", "recalls:register"],
  },
  {
    who: "admin",
    actor: actor({ platformRole: "ADMIN" }),
    allowed: ["garage:use", "account:manage", "console:use", "organisations:manage", "members:manage", "users:assist"],
  },
  {
    who: "dealer org-admin",
    actor: actor({ memberships: [member("d", "DEALER", "ADMIN")] }),
    allowed: ["garage:use", "account:manage", "console:use", "invitations:manage", "vehicles:link", "verification:review", "members:manage", "service:record"],
  },
];

describe("permission table", () => {
  for (const { who, actor: a, allowed } of CASES) {
    it(`${who}: exactly ${allowed.length} permissions`, () => {
      const granted = ALL.filter((p) => can(a, p));
      expect(granted.sort()).toEqual([...allowed].sort());
    });
  }

  it("grants nothing to nobody", () => {
    expect(ALL.filter((p) => can(null, p))).toEqual([]);
  });

  it("derives roles from memberships and platform role", () => {
    expect(rolesOf(actor()).sort()).toEqual(["owner"]);
    expect(rolesOf(actor({ platformRole: "ADMIN", memberships: [member("g", "GARAGE", "ADMIN"), member("f", "FLEET")] })).sort()).toEqual(
      ["admin", "fleet", "garage", "org-admin", "owner"],
    );
  });

  it("an organisation MEMBER is not an org-admin", () => {
    expect(can(actor({ memberships: [member("g", "GARAGE", "MEMBER")] }), "members:manage")).toBe(false);
  });
});

describe("assertCan", () => {
  it("throws UNAUTHENTICATED (401) without an actor", () => {
    let caught: unknown;
    try {
      assertCan(null, "garage:use");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("UNAUTHENTICATED");
    expect((caught as AppError).status).toBe(401);
  });

  it("throws NOT_FOUND (404), not FORBIDDEN, for a permission the actor lacks", () => {
    let caught: unknown;
    try {
      assertCan(actor(), "console:use");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("NOT_FOUND");
    expect((caught as AppError).status).toBe(404);
  });

  it("passes when the actor holds the permission", () => {
    expect(() => assertCan(actor({ platformRole: "SUPPORT" }), "transfers:correct")).not.toThrow();
  });
});

describe("organisationsWith", () => {
  const staff = actor({
    memberships: [member("dealer-1", "DEALER"), member("garage-1", "GARAGE", "ADMIN"), member("fleet-1", "FLEET"), member("dealer-2", "DEALER")],
  });

  it("lists the organisations of the kind the permission belongs to", () => {
    expect(organisationsWith(staff, "invitations:manage")).toEqual(["dealer-1", "dealer-2"]);
    expect(organisationsWith(staff, "vehicles:link")).toEqual(["dealer-1", "dealer-2"]);
    expect(organisationsWith(staff, "verification:review")).toEqual(["dealer-1", "dealer-2"]);
    expect(organisationsWith(staff, "passports:manage")).toEqual(["garage-1"]);
    expect(organisationsWith(staff, "fleet:view")).toEqual(["garage-1", "fleet-1"]);
  });

  it("is empty for permissions that are not organisation-scoped and for actors without memberships", () => {
    expect(organisationsWith(staff, "members:manage")).toEqual([]);
    expect(organisationsWith(staff, "console:use")).toEqual([]);
    expect(organisationsWith(actor({ platformRole: "ADMIN" }), "invitations:manage")).toEqual([]);
  });
});

describe("homePathFor", () => {
  it("sends owners to their garage and staff to the console", () => {
    expect(homePathFor(actor())).toBe("/garage");
    expect(homePathFor(actor({ memberships: [member("d", "DEALER")] }))).toBe("/console");
    expect(homePathFor(actor({ memberships: [member("f", "FLEET")] }))).toBe("/console");
    expect(homePathFor(actor({ platformRole: "SUPPORT" }))).toBe("/console");
    expect(homePathFor(actor({ platformRole: "ADMIN" }))).toBe("/console");
  });
});
