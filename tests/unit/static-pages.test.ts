import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inlineScriptHashes, isSessionCookie, staticPageOf } from "@/lib/server/static-pages";

describe("the prerendered signed-out pages (docs/decisions/0041)", () => {
  it("are the landing page, sign-in and sign-up in a language the portal speaks", () => {
    expect(staticPageOf("/nl")).toEqual({ locale: "nl", page: "" });
    expect(staticPageOf("/nl-BE/sign-in")).toEqual({ locale: "nl-BE", page: "/sign-in" });
    expect(staticPageOf("/fr/sign-up/")).toEqual({ locale: "fr", page: "/sign-up" });
    for (const p of ["/", "/de/sign-in", "/en/sign-in/x", "/en/forgot-password", "/en/garage", "/en/demo/sign-in"]) expect(staticPageOf(p), p).toBeNull();
  });

  it("know next-auth's session cookie, chunked and over HTTPS, and no other", () => {
    for (const n of ["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.0"]) expect(isSessionCookie(n), n).toBe(true);
    for (const n of ["NEXT_LOCALE", "authjs.csrf-token", "authjs.callback-url", "xauthjs.session-token"]) expect(isSessionCookie(n), n).toBe(false);
  });

  describe("their CSP hashes", () => {
    const cwd = process.cwd();
    afterEach(() => {
      process.chdir(cwd);
      delete process.env.NEXT_DIST_DIR;
    });

    it("are those of every inline script in the built HTML, not of script files; none without a build", () => {
      const dir = mkdtempSync(path.join(tmpdir(), "static-pages-"));
      mkdirSync(path.join(dir, "dist", "server", "app", "en"), { recursive: true });
      const a = "self.__next_f.push([1,\"a\"])";
      const b = "(self.__next_f=self.__next_f||[]).push([0])";
      writeFileSync(path.join(dir, "dist", "server", "app", "en", "sign-up.html"), `<html><head><script src="/_next/static/chunks/x.js" async=""></script><script>${b}</script></head><body><script>${a}</script><script>${a}</script></body></html>`);
      process.chdir(dir);
      process.env.NEXT_DIST_DIR = "dist";
      const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
      expect(inlineScriptHashes("/en/sign-up")).toEqual([sha(b), sha(a)]);
      expect(inlineScriptHashes("/fr/sign-up")).toBeNull();
    });
  });
});
