import { describe, expect, it } from "vitest";
import { STOCK_PAGE_SIZE, stockSearch } from "@/lib/passports/stock-search";

const FIRST_PAGE = { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: STOCK_PAGE_SIZE + 1 };

/** The substring search of the VIN, the current plate (both stored without dashes), the model and the make. */
const substring = (term: string, q: string) => ({
  OR: [
    { vin: { contains: term } },
    { plates: { some: { plate: { contains: term }, validTo: null } } },
    { model: { contains: q, mode: "insensitive" } },
    { make: { contains: q, mode: "insensitive" } },
  ],
});

const plates = (...or: unknown[]) => ({ plates: { some: { validTo: null, OR: or } } });

describe("stockSearch: paging", () => {
  it("without search text: no filter, newest first, one row more than a page", () => {
    expect(stockSearch()).toEqual({ size: 25, vehicle: {}, fallback: null, page: FIRST_PAGE });
    expect(stockSearch({ q: "   " })).toEqual({ size: 25, vehicle: {}, fallback: null, page: FIRST_PAGE });
  });

  it("a cursor continues after that passport", () => {
    expect(stockSearch({ cursor: "p42" }).page).toEqual({ ...FIRST_PAGE, cursor: { id: "p42" }, skip: 1 });
  });

  it.each([
    [1, 1],
    [10, 10],
    [0, 1],
    [-5, 1],
    [2.7, 2],
    [500, 100],
  ])("page size %s becomes %s", (pageSize, size) => {
    const s = stockSearch({ pageSize });
    expect(s.size).toBe(size);
    expect(s.page.take).toBe(size + 1);
  });
});

describe("stockSearch: text", () => {
  it("a model or make is a case-insensitive substring; the VIN and plate are matched in stored form", () => {
    expect(stockSearch({ q: "Golf" })).toMatchObject({ vehicle: substring("GOLF", "Golf"), fallback: null });
  });

  it("a part of a plate is a substring, without dashes", () => {
    expect(stockSearch({ q: "231-" })).toMatchObject({ vehicle: substring("231", "231-"), fallback: null });
  });

  it("trims the text and keeps at most 60 characters", () => {
    expect(stockSearch({ q: "  Golf  " }).vehicle).toEqual(substring("GOLF", "Golf"));
    const long = "x".repeat(80);
    expect(stockSearch({ q: long }).vehicle).toEqual(substring("X".repeat(60), "x".repeat(60)));
  });

  it("a whole VIN is looked up by equality, in stored form, with no second query", () => {
    expect(stockSearch({ q: " wp0 zzz99z ts392124 " })).toMatchObject({ vehicle: { vin: "WP0ZZZ99ZTS392124" }, fallback: null });
  });

  it("a VIN with a wrong check digit is only a substring", () => {
    expect(stockSearch({ q: "1HGCM82634A004352" })).toMatchObject({ vehicle: substring("1HGCM82634A004352", "1HGCM82634A004352"), fallback: null });
  });
});

describe("stockSearch: complete plates", () => {
  it("a Dutch plate, with or without dashes, is looked up by equality, then as a substring if that finds nothing", () => {
    for (const q of ["GZ-231-K", "gz231k"]) {
      expect(stockSearch({ q })).toMatchObject({ vehicle: plates({ country: "NL", plate: "GZ231K" }), fallback: substring("GZ231K", q) });
    }
  });

  it("a current Belgian plate is looked up by equality", () => {
    expect(stockSearch({ q: "1-abc-123" })).toMatchObject({ vehicle: plates({ country: "BE", plate: "1ABC123" }), fallback: substring("1ABC123", "1-abc-123") });
  });

  it('"ABC123" (an older Belgian plate) also finds the current plates 1-ABC-123 to 9-ABC-123 that end in it', () => {
    const longer = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => `${d}ABC123`);
    expect(stockSearch({ q: "ABC123" })).toMatchObject({
      vehicle: plates({ country: "BE", plate: "ABC123" }, { country: "BE", plate: { in: longer } }),
      fallback: substring("ABC123", "ABC123"),
    });
  });

  it('"1BDF23" (Dutch sidecode 8) also finds the Belgian plates 1-BDF-230 to 1-BDF-239 that start with it', () => {
    const longer = Array.from({ length: 10 }, (_, d) => `1BDF23${d}`);
    expect(stockSearch({ q: "1-BDF-23" })).toMatchObject({
      vehicle: plates({ country: "NL", plate: "1BDF23" }, { country: "BE", plate: { in: longer } }),
      fallback: substring("1BDF23", "1-BDF-23"),
    });
  });

  it("a later page of a plate search is the substring search (a superset in the same order), with no second query", () => {
    expect(stockSearch({ q: "GZ-231-K", cursor: "p42" })).toEqual({
      size: 25,
      vehicle: substring("GZ231K", "GZ-231-K"),
      fallback: null,
      page: { ...FIRST_PAGE, cursor: { id: "p42" }, skip: 1 },
    });
  });

  it("a later page of a VIN search stays an equality lookup", () => {
    expect(stockSearch({ q: "WP0ZZZ99ZTS392124", cursor: "p42" })).toMatchObject({ vehicle: { vin: "WP0ZZZ99ZTS392124" }, fallback: null });
  });
});
