import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../i18n/messages";
import { renderMessage } from "../../lib/messages/render";
import { internalPath } from "../../lib/messages/link";
import { MESSAGE_KINDS } from "../../lib/messages/leave";

type Tree = Parameters<typeof renderMessage>[1];
const tree = (l: "nl" | "en") => MESSAGES[l] as unknown as Tree;

/** The kinds whose texts live in messages/<locale>/inbox.json (other kinds: their own feature files). */
const INBOX_KINDS = [
  "verification_approved",
  "verification_rejected",
  "verification_expired",
  "transfer_received",
  "transfer_completed",
  "transfer_withdrawn",
  "ownership_ended",
  "vehicle_linked",
  "vehicle_relinked",
  "vehicle_disconnected",
  "vehicle_removed",
  "contract_ending",
  "contract_renewed",
  "contract_ended",
] as const;

const DATA = { car: "Porsche Taycan", vin: "WP0ZZZ99ZTS392124", garage: "Garage Zuid", dealer: "Dealer Noord", plate: "GX-123-B", contracts: 2, product: "CONNECT", endsAt: "2027-03-01T09:00:00.000Z", months: 12, renews: "yes", reason: "ID_UNREADABLE" };

describe("inbox messages", () => {
  it("every message kind has a title and a body in every language the portal speaks", () => {
    for (const l of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const kinds = (MESSAGES[l] as unknown as { inbox?: { kinds?: Record<string, { title?: string; body?: string }> } }).inbox?.kinds ?? {};
      const missing = MESSAGE_KINDS.filter((k) => !kinds[k]?.title || !kinds[k]?.body);
      expect(missing, `${l}: kinds without texts`).toEqual([]);
    }
  });

  it("every kind the inbox hooks is a message kind with a title and a body in Dutch and English, filled from its data", () => {
    for (const kind of INBOX_KINDS) {
      expect(MESSAGE_KINDS).toContain(kind);
      for (const l of ["nl", "en"] as const) {
        const r = renderMessage(l, tree(l), { kind, data: DATA });
        expect(r.known, `${l} ${kind}`).toBe(true);
        expect(r.title).not.toMatch(/[{}]|inbox\./);
        expect(r.body).not.toMatch(/[{}]|inbox\./);
      }
    }
  });

  it("a kind with texts in one language has them in the other", () => {
    const kinds = (l: "nl" | "en") => Object.keys(((tree(l).inbox as Tree).kinds as Tree) ?? {}).sort();
    expect(kinds("nl")).toEqual(kinds("en"));
  });

  it("formats the product's name and the date, and says whether a contract renews", () => {
    const en = renderMessage("en", tree("en"), { kind: "contract_ending", data: DATA });
    expect(en.title).toBe("Connected services for your Porsche Taycan ends on Mar 1, 2027");
    expect(en.body).toContain("renews automatically for another 12 months");
    expect(renderMessage("en", tree("en"), { kind: "contract_ending", data: { ...DATA, renews: "no" } }).body).toContain("does not renew");
    expect(renderMessage("nl", tree("nl"), { kind: "contract_ending", data: DATA }).title).toBe("Connected services voor je Porsche Taycan loopt af op 1 mrt 2027".replace("Connected services", (tree("nl").products as Tree).CONNECT as string));
  });

  it("an unknown kind, a missing parameter or a malformed kind reads as the generic message, never as a key", () => {
    for (const l of ["nl", "en"] as const) {
      const generic = { title: ((tree(l).inbox as Tree).generic as Tree).title, body: ((tree(l).inbox as Tree).generic as Tree).body, known: false };
      expect(renderMessage(l, tree(l), { kind: "something_new", data: {} })).toEqual(generic);
      expect(renderMessage(l, tree(l), { kind: "vehicle_linked", data: {} })).toEqual(generic);
      expect(renderMessage(l, tree(l), { kind: "passport.transfer_offered", data: DATA })).toEqual(generic);
      expect(renderMessage(l, tree(l), { kind: "__proto__", data: DATA })).toEqual(generic);
    }
  });

  it("accepts portal paths as links, with a section anchor, and nothing else", () => {
    for (const ok of ["/garage", "/garage/vehicles/cmabc123", "/garage/verifications/x_y-z", "/", "/messages?after=abc", "/garage/vehicles/cmabc123#drivers"]) expect(internalPath(ok)).toBe(ok);
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil", "javascript:alert(1)", "/garage/../x", "/./x", "garage", "", " /garage", "/garage#", "/garage#a b", "/garage#//evil.example", "/garage#x#y", "/gar age", 42, null, "/" + "a".repeat(400)]) {
      expect(internalPath(bad), String(bad)).toBeNull();
    }
  });
});
