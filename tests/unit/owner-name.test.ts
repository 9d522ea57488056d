import { describe, expect, it } from "vitest";
import { nameParts, sameOwnerName } from "@/lib/holdings/owner-name";

describe("sameOwnerName: is the registration certificate in the name on the ID document?", () => {
  it.each([
    ["Eva Jansen", "Eva Jansen"],
    ["Eva Jansen", "EVA JANSEN"],
    ["  Eva   Jansen ", "eva jansen"],
    ["Zoë Müller-Lüdenscheidt", "Zoe Muller Ludenscheidt"],
    ["François Dubois", "FRANCOIS DUBOIS"],
    ["Jan-Willem de Vries", "Jan Willem de Vries"],
    ["Jan-Willem de Vries", "JanWillem de Vries"],
    ["Marc D'Hondt", "Marc DHondt"],
    ["Marc D’Hondt", "marc d'hondt"],
    ["Jansen, Eva", "Eva Jansen"],
    ["J. de Vries", "J de Vries"],
    ["Søren Kierkegaard", "Soren Kierkegaard"],
    ["Strauß", "Strauss"],
  ])("%s = %s", (a, b) => {
    expect(sameOwnerName(a, b)).toBe(true);
    expect(sameOwnerName(b, a)).toBe(true);
  });

  it.each([
    ["Eva Jansen", "Bram Jansen"],
    ["Eva Jansen", "Eva Janssen"],
    ["Eva Jansen", "Eva"],
    ["Eva Jansen", "Leasemaatschappij BV"],
    ["Eva Jansen", ""],
    ["", ""],
    ["---", "..."],
  ])("%s ≠ %s", (a, b) => {
    expect(sameOwnerName(a, b)).toBe(false);
  });

  it("reduces a name to its parts, without case, diacritics or punctuation", () => {
    expect(nameParts("  Zoë  Müller-Lüdenscheidt, Jr. ")).toEqual(["jr", "ludenscheidt", "muller", "zoe"]);
  });
});
