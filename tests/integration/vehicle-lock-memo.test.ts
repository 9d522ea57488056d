/**
 * A car is locked once per transaction (lib/holdings/vehicles.ts lockVehicle, docs/decisions/0045):
 * a second lock of the same car through the same transaction client (a use case, then the shared
 * holding move it calls) sends nothing; another car locks again; a car that does not exist is
 * never remembered as locked; and each transaction has a client of its own, so nothing is
 * remembered past its end.
 */
import { describe, expect, it } from "vitest";
import { transaction } from "@/lib/server/transaction";
import type { Tx } from "@/lib/server/database";
import { lockVehicle } from "@/lib/holdings/vehicles";
import { ownedVehicle } from "../factories/linking";

/** The transaction client behind a proxy that counts the raw statements sent through it. */
function counting(tx: Tx) {
  let sent = 0;
  const wrapped = new Proxy(tx, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (typeof value !== "function") return value;
      const bound = (value as (...a: unknown[]) => unknown).bind(target);
      if (prop !== "$queryRaw") return bound;
      return (...args: unknown[]) => {
        sent++;
        return bound(...args);
      };
    },
  });
  return { tx: wrapped, sent: () => sent };
}

describe("the car's lock, once per transaction", () => {
  it("a second lock of the same car sends nothing; another car's lock does", async () => {
    const a = await ownedVehicle();
    const b = await ownedVehicle();
    await transaction(async (raw) => {
      const { tx, sent } = counting(raw);
      await lockVehicle(tx, a.vehicle.id);
      expect(sent()).toBe(1);
      await lockVehicle(tx, a.vehicle.id);
      expect(sent()).toBe(1);
      await lockVehicle(tx, b.vehicle.id);
      expect(sent()).toBe(2);
      await lockVehicle(tx, b.vehicle.id);
      await lockVehicle(tx, a.vehicle.id);
      expect(sent()).toBe(2);
    });
  });

  it("a car that does not exist is asked for every time", async () => {
    await transaction(async (raw) => {
      const { tx, sent } = counting(raw);
      await lockVehicle(tx, "no-such-car");
      await lockVehicle(tx, "no-such-car");
      expect(sent()).toBe(2);
    });
  });

  it("each transaction has a client of its own, so the next one locks the car again", async () => {
    const a = await ownedVehicle();
    let first: Tx | undefined;
    await transaction(async (tx) => {
      first = tx;
      await lockVehicle(tx, a.vehicle.id);
    });
    await transaction(async (raw) => {
      // lockVehicle remembers its locks by this object: another one starts with none, and the
      // car's row is locked again.
      expect(raw).not.toBe(first);
      const { tx, sent } = counting(raw);
      await lockVehicle(tx, a.vehicle.id);
      expect(sent()).toBe(1);
    });
  });
});
