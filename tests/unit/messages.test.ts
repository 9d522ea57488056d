import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, p = ""): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
const segments = (t: Tree): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === "object" ? [k, ...segments(v)] : [k]));

describe("message files", () => {
  it("use no dots inside a key (next-intl reads a dot as nesting)", () => {
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      expect(segments(MESSAGES[locale]).filter((k) => k.includes("."))).toEqual([]);
    }
  });

  it("have no empty texts", () => {
    for (const locale of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      const empty = keys(MESSAGES[locale]).filter((k) => {
        const v = k.split(".").reduce<Tree | string>((t, s) => (t as Tree)[s], MESSAGES[locale]);
        return typeof v === "string" && v.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });
});
