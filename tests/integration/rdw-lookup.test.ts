/**
 * The RDW client (lib/vehicles/rdw.ts) against a local server replaying recorded answers
 * (tests/fixtures/rdw/), and the staff-only lookup action built on it
 * (lib/vehicles/look-up-vehicle.ts): a known plate, an unknown plate, a refused connection, a
 * timeout and an error status all end as data or null, never as an exception; only dealer and
 * garage staff, for their own organisation, get an answer.
 */
import "@/tests/support/own-database";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rdwVehicle } from "@/lib/vehicles/rdw";
import { lookUpVehicleAction } from "@/lib/vehicles/actions";
import { clearLookUpCache, type LookUpVehicleResult } from "@/lib/vehicles/look-up-vehicle";
import { startRdwReplay } from "@/tests/support/rdw-replay";
import { callAction } from "@/tests/support/request-scope";
import { rowFingerprint, changedTables } from "@/tests/support/row-fingerprint";
import { callerFor, createWorld, type Who, type World } from "@/tests/support/world";

// Before anything reads the configuration (it is read once): the server action asks the replay.
const replay = await startRdwReplay();
process.env.RDW_API_URL = replay.url;

/** A server that takes connections and never answers. */
async function silentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => {});
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** A port that refuses connections: one that was just free'd. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

afterAll(async () => {
  await replay.close();
});

describe("the RDW client against recorded answers", () => {
  it.each([
    ["HNP72K", { make: "Volkswagen", model: "Golf", modelYear: 2024, fuel: "PETROL" }],
    ["P274FX", { make: "Tesla", model: "Model 3", modelYear: 2020, fuel: "ELECTRIC" }],
    ["TN418B", { make: "Toyota", model: "Corolla", modelYear: 2019, fuel: "HYBRID" }],
    ["R509JD", { make: "Volvo", model: "XC60", modelYear: 2021, fuel: "PLUGIN_HYBRID" }],
  ])("reads a known plate %s", async (plate, car) => {
    expect(await rdwVehicle(plate, { baseUrl: replay.url })).toEqual(car);
  });

  it("gives null for a plate the RDW does not know (an empty array)", async () => {
    const res = await fetch(`${replay.url}/resource/m9d7-ebf2.json?kenteken=GZ231K`);
    expect(await res.json()).toEqual([]);
    expect(await rdwVehicle("GZ231K", { baseUrl: replay.url })).toBeNull();
  });

  it("gives null when the connection is refused", async () => {
    const url = await closedPortUrl();
    await expect(fetch(url)).rejects.toThrow();
    expect(await rdwVehicle("HNP72K", { baseUrl: url })).toBeNull();
  });

  it("gives null when no answer comes within the timeout, and does not wait longer", async () => {
    const { url, server } = await silentServer();
    try {
      const started = Date.now();
      expect(await rdwVehicle("HNP72K", { baseUrl: url, timeoutMs: 300 })).toBeNull();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(290);
      expect(took).toBeLessThan(2000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("gives null for an error status or a body that is not the expected JSON, and keeps the car without a fuel answer", async () => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const plate = url.searchParams.get("kenteken");
      if (plate === "ERR500") {
        res.statusCode = 500;
        return void res.end("{}");
      }
      if (plate === "NOJSON") return void res.end("<html>maintenance</html>");
      if (url.pathname.includes("8ys7-d773")) {
        res.statusCode = 503;
        return void res.end();
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify([{ kenteken: plate, merk: "VOLKSWAGEN", handelsbenaming: "POLO", datum_eerste_toelating: "20180102" }]));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await rdwVehicle("ERR500", { baseUrl })).toBeNull();
      expect(await rdwVehicle("NOJSON", { baseUrl })).toBeNull();
      expect(await rdwVehicle("GB12HK", { baseUrl })).toEqual({ make: "Volkswagen", model: "Polo", modelYear: 2018, fuel: null });
    } finally {
      server.close();
    }
  });

  it("asks nothing for what is not a stored Dutch plate", async () => {
    expect(await rdwVehicle("HNP-72-K", { baseUrl: replay.url })).toBeNull();
    expect(await rdwVehicle("../etc", { baseUrl: replay.url })).toBeNull();
  });
});

describe("the lookup action: staff of a dealer or a garage, for their own organisation", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
    clearLookUpCache();
  }, 120_000);

  const call = async (who: Who, input: Record<string, unknown>) => callAction<LookUpVehicleResult>(await callerFor(world, who), lookUpVehicleAction, input);

  it("fills in a garage's form from the plate, and the make from the VIN", async () => {
    const r = await call("garage", { organisationId: world.garage.id, plate: "hnp-72-k", plateCountry: "NL", vin: "WVWZZZ1KZ8W000001" });
    expect(r).toEqual({ ok: true, data: { registered: { make: "Volkswagen", model: "Golf", modelYear: 2024, fuel: "PETROL" }, vinMake: "Volkswagen", mismatch: null } });
  });

  it("warns a dealer when the VIN's maker is not the plate's make, and still answers", async () => {
    const r = await call("dealer", { organisationId: world.dealer.id, plate: "TN-418-B", vin: "WP0ZZZ99ZTS392124" });
    expect(r).toEqual({
      ok: true,
      data: { registered: { make: "Toyota", model: "Corolla", modelYear: 2019, fuel: "HYBRID" }, vinMake: "Porsche", mismatch: { wmi: "WP0", vinMake: "Porsche", plateMake: "Toyota" } },
    });
  });

  it("answers nothing from the RDW for an unknown, a never-issued or a Belgian plate, and the VIN's make alone", async () => {
    for (const plate of ["GZ-231-K", "SD-123-B", "1-ABC-123", "not a plate"]) {
      const r = await call("garage", { organisationId: world.garage.id, plate, plateCountry: plate.startsWith("1-") ? "BE" : "NL", vin: "TMBJJ7NE0K0000001" });
      expect(r).toEqual({ ok: true, data: { registered: null, vinMake: "Škoda", mismatch: null } });
    }
  });

  it.each([
    ["owner", "garage"],
    ["otherOwner", "garage"],
    ["otherGarage", "garage"],
    ["otherDealer", "dealer"],
    ["fleet", "garage"],
    ["support", "garage"],
    ["admin", "dealer"],
  ] as const)("refuses %s for the %s's organisation as not found, with nothing of the car", async (who, target) => {
    const organisationId = target === "garage" ? world.garage.id : world.dealer.id;
    const caller = await callerFor(world, who);
    const before = await rowFingerprint();
    const r = await callAction(caller, lookUpVehicleAction, { organisationId, plate: "HNP72K", vin: "WVWZZZ1KZ8W000001" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("NOT_FOUND");
    expect(JSON.stringify(r)).not.toMatch(/Golf|Volkswagen/);
    expect(changedTables(before, await rowFingerprint())).toEqual([]);
  });

  it("answers the reviewers of verification requests without an organisation (the review form), and nobody else", async () => {
    for (const who of ["support", "dealer"] as const) {
      const r = await call(who, { plate: "HNP72K", vin: "WVWZZZ1KZ8W000001" });
      expect(r, who).toEqual({ ok: true, data: { registered: { make: "Volkswagen", model: "Golf", modelYear: 2024, fuel: "PETROL" }, vinMake: "Volkswagen", mismatch: null } });
    }
    for (const who of ["owner", "garage", "fleet", "admin"] as const) {
      const r = await call(who, { plate: "HNP72K" });
      expect(r, who).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expect(JSON.stringify(r)).not.toMatch(/Golf|Volkswagen/);
    }
  });

  it("refuses a fleet member for its own fleet account: fleets do not type cars", async () => {
    const r = await call("fleet", { organisationId: world.garage.fleetId, plate: "HNP72K" });
    expect(r.ok).toBe(false);
  });

  it("refuses anonymous callers", async () => {
    const r = await call("anonymous", { organisationId: world.garage.id, plate: "HNP72K" });
    expect(r).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("refuses an unknown field", async () => {
    const r = await call("garage", { organisationId: world.garage.id, plate: "HNP72K", ownerId: "x" });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});
