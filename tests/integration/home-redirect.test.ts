/**
 * /api/home (docs/decisions/0041): where the proxy sends a visitor with a session cookie who asked
 * for a prerendered signed-out page. Signed in: home, in the page's language. A session that no
 * longer counts: the cookie cleared and the page asked for. Never anywhere but those pages.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { GET } from "@/app/api/home/route";
import { createMembership, createOrganisation, createUser } from "../factories";
import { APP_ORIGIN, callRoute, signedIn } from "../support/request-scope";

const home = (caller: Parameters<typeof callRoute>[0], to: string) => callRoute(caller, GET as never, { path: `/api/home?to=${encodeURIComponent(to)}` });
const target = (res: Response) => {
  const u = new URL(res.headers.get("location")!);
  return u.pathname + u.search;
};

describe("/api/home", () => {
  it("sends an owner to the garage and staff to the console, in the page's language", async () => {
    const owner = await createUser();
    const staff = await createUser();
    await createMembership(staff.id, (await createOrganisation("DEALER")).id, "MEMBER");
    const o = await home(await signedIn(owner.id), "/fr/sign-in?next=%2Ffr%2Fgarage");
    expect(o.status).toBe(303);
    expect(target(o)).toBe("/fr/garage");
    expect(target(await home(await signedIn(staff.id), "/en-GB/sign-up"))).toBe("/nl/console");
    expect(target(await home(await signedIn(staff.id), "/nl-BE"))).toBe("/nl-BE/console");
  });

  it("clears the cookie of a session that ended and returns to the page asked for, query and all", async () => {
    const owner = await createUser();
    const caller = await signedIn(owner.id);
    await db.authSession.update({ where: { id: caller.sessionId }, data: { revokedAt: new Date() } });
    const res = await home(caller, "/en/sign-in?next=%2Fen%2Fgarage");
    expect(target(res)).toBe("/en/sign-in?next=%2Fen%2Fgarage");
    const cleared = res.headers.getSetCookie().find((c) => c.includes("authjs.session-token="));
    expect(cleared).toMatch(/authjs\.session-token=;.*Max-Age=0/i);
  });

  it("goes nowhere but a prerendered signed-out page, and no further than this origin", async () => {
    for (const to of ["https://evil.example/nl/sign-in", "//evil.example/nl", "/nl/garage", "/nl/api/x", "javascript:alert(1)"]) {
      const res = await home({}, to);
      expect(res.status, to).toBe(303);
      expect(new URL(res.headers.get("location")!).origin, to).toBe(APP_ORIGIN);
      expect(target(res), to).toBe("/nl");
    }
  });
});
