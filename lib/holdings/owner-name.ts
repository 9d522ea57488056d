/**
 * Is the registration certificate in the name on the ID document? Staff type both names from the
 * documents, so the comparison forgives what typing and documents vary in: case, diacritics
 * ("Müller" / "Muller"), spacing, punctuation ("Jan-Willem" / "Jan Willem", "D'Hondt" / "DHondt")
 * and the order of the name parts ("Jansen, Eva" / "Eva Jansen"). Pure: no I/O.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLD: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ĳ: "ij" };

/** The name's parts in lower case, without diacritics or punctuation, in a fixed order. */
export function nameParts(name: string): string[] {
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßøæœłđðþıĳ]/g, (c) => FOLD[c] ?? c)
    // An apostrophe joins the parts it stands between (d'Hondt); any other punctuation separates.
    .replace(/['’‘`´]/g, "");
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort();
}

/** True when both names have the same parts, or the same letters once separators are dropped. */
export function sameOwnerName(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.length === 0 || pb.length === 0) return false;
  if (pa.join(" ") === pb.join(" ")) return true;
  const squash = (s: string) => nameParts(s.replace(/[^\p{L}\p{N}'’‘`´]+/gu, "")).join("");
  return squash(a) === squash(b);
}
