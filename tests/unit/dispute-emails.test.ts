/** The dispute e-mails (docs/decisions/0035) in every language: two answers in order, outcomes by result. */
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/emails";

const opened = { name: "Eva", car: "Porsche Taycan", vin: "WP0ZZZ99ZTS392124", respondBy: "16 december 2026", releaseUrl: "https://portal.example/nl/garage/disputes/d1?answer=release", contestUrl: "https://portal.example/nl/garage/disputes/d1?answer=contest" };

describe("dispute e-mails", () => {
  it.each([
    ["nl", "Ik heb hem verkocht, geef de auto vrij", "Dit is nog steeds mijn auto", "kentekenbewijs"],
    ["nl_BE", "Ik heb hem verkocht, geef de auto vrij", "Dit is nog steeds mijn auto", "inschrijvingsbewijs"],
    ["en", "I sold it, release the car", "This is still my car", "registration certificate"],
    ["fr", "Je l’ai vendue, libérer la voiture", "C’est toujours ma voiture", "certificat d’immatriculation"],
  ])("%s: the holder's e-mail carries both answers, release first, each with its link", async (locale, release, contest, certificate) => {
    const mail = await renderEmail("dispute-opened", locale, opened);
    expect(mail.text).toContain(certificate);
    expect(mail.text).toContain("16 december 2026");
    const r = mail.text.indexOf(`${release}: ${opened.releaseUrl}`);
    const c = mail.text.indexOf(`${contest}: ${opened.contestUrl}`);
    expect(r).toBeGreaterThan(0);
    expect(c).toBeGreaterThan(r);
    expect(mail.html).toContain(opened.releaseUrl);
  });

  it("the outcome's text follows the result, in the recipient's language", async () => {
    const base = { name: "Eva", car: "Porsche Taycan", vin: "WP0ZZZ99ZTS392124", url: "https://portal.example/nl/garage" };
    expect((await renderEmail("dispute-closed", "nl", { ...base, result: "yours" })).subject).toBe("Je Porsche Taycan staat nu in je garage");
    expect((await renderEmail("dispute-closed", "en", { ...base, result: "lapsed" })).text).toContain("You did not answer within 14 days");
    expect((await renderEmail("dispute-closed", "fr", { ...base, result: "lost" })).subject).toBe("Votre Porsche Taycan est allée à son nouveau propriétaire");
    expect((await renderEmail("dispute-closed", "nl", { ...base, result: "withdrawn" })).subject).toBe("De claim op de Porsche Taycan is afgehandeld");
  });
});
