import { describe, expect, it } from "vitest";
import { Email, SignUpInput } from "@/lib/accounts/schemas";

const messagesOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("Email", () => {
  it("lower-cases and trims", () => {
    expect(Email.parse("  Ann.De-Vries@Example.NL ")).toBe("ann.de-vries@example.nl");
  });

  it.each([
    ["a@b.nl\r\nBcc: x@y.nl"],
    ["a@b.nl\nBcc: x@y.nl"],
    ["a\u0000@b.nl"],
    ["a@b\u0007.nl"],
    ["a\u007f@b.nl"],
    ["a@b.nl\u2028x@y.nl"],
    ["a@b.nl\r\n"],
    ["a@b.nl\n"],
    ["\ta@b.nl"],
    [" a@b.nl\u0000"],
  ])("refuses control characters and line breaks: %j", (input) => {
    const r = Email.safeParse(input);
    expect(r.success).toBe(false);
    expect(messagesOf(r)).toContain("email_control_chars");
  });

  it.each([["not-an-email"], ["a@b"], ["@b.nl"], ["a@"], ["a b@c.nl"], [`${"a".repeat(250)}@b.nl`]])("refuses an invalid address: %j", (input) => {
    const r = Email.safeParse(input);
    expect(r.success).toBe(false);
    expect(messagesOf(r)).toContain("email_invalid");
  });

  it("calls an empty address required", () => {
    expect(messagesOf(Email.safeParse("   "))).toContain("required");
    expect(messagesOf(Email.safeParse(undefined))).toContain("required");
  });
});

describe("SignUpInput", () => {
  const valid = {
    email: " New.User@Example.TEST",
    firstName: " Ann ",
    lastName: "de Vries",
    password: "correct-horse-battery",
    passwordConfirm: "correct-horse-battery",
  };

  it("accepts a valid sign-up, normalising the address and defaulting the locale", () => {
    expect(SignUpInput.parse(valid)).toEqual({ ...valid, email: "new.user@example.test", firstName: "Ann", locale: "nl" });
  });

  it("refuses unknown keys (strict)", () => {
    const r = SignUpInput.safeParse({ ...valid, platformRole: "ADMIN" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.code === "unrecognized_keys" && (i as { keys?: string[] }).keys?.includes("platformRole"))).toBe(true);
  });

  it("refuses mismatched passwords on passwordConfirm", () => {
    const r = SignUpInput.safeParse({ ...valid, passwordConfirm: "correct-horse-batterx" });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ["passwordConfirm"], message: "passwords_differ" })]);
  });

  it("refuses a short password and an unknown locale", () => {
    const r = SignUpInput.safeParse({ ...valid, password: "short", passwordConfirm: "short", locale: "de" });
    expect(r.success).toBe(false);
    expect(messagesOf(r)).toContain("password_too_short");
    expect(r.error?.issues.some((i) => i.path[0] === "locale")).toBe(true);
  });
});
