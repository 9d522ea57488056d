/** Displays a stored plate (upper-case, no dashes) the way it is printed. */
export function formatPlate(plate: string, country: "NL" | "BE" | null): string {
  if (country === "BE") {
    const m = /^(\d)([A-Z]{3})(\d{3})$/.exec(plate);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : plate;
  }
  // Dutch: dashes between groups of letters and digits, and inside a group of four.
  const groups = plate.match(/[A-Z]+|\d+/g) ?? [plate];
  const parts = groups.length === 2 ? groups.flatMap((g) => (g.length === 4 ? [g.slice(0, 2), g.slice(2)] : [g])) : groups;
  return parts.join("-");
}
