import { db } from "../../server/db";
import type { Actor } from "../../server/authz";
import { passportScope, staffGarages } from "../common";
import { STOCK_PAGE_SIZE, stockSearch } from "../stock-search";
import { currentPlate } from "./current-plate";

export type StockView = "stock" | "customers";

export { STOCK_PAGE_SIZE };

/**
 * The garage's passports, newest first, cursor-paginated: "stock" holds the cars the garage
 * still holds, "customers" those transferred to a buyer with the service relationship running.
 * Search by plate (dashes optional), VIN, make or model (lib/passports/stock-search.ts).
 */
export async function listPassports(actor: Actor, opts: { q?: string; cursor?: string; view?: StockView; pageSize?: number } = {}) {
  const garages = staffGarages(actor);
  const search = stockSearch(opts);
  const size = search.size;
  const stockHolding = { kind: "STOCK" as const, endedAt: null, organisationId: { in: garages } };
  const find = (vehicleSearch: typeof search.vehicle) =>
    db.passport.findMany({
      where: {
        ...passportScope(actor),
        vehicle: {
          ...(opts.view === "customers" ? { holdings: { none: stockHolding } } : { holdings: { some: stockHolding } }),
          ...vehicleSearch,
        },
      },
      ...search.page,
      select: {
        id: true,
        status: true,
        createdAt: true,
        contactName: true,
        fleetAccount: { select: { name: true } },
        garage: { select: { name: true } },
        vehicle: { select: { vin: true, make: true, model: true, modelYear: true, plates: currentPlate } },
        transfers: { where: { status: "PENDING" }, select: { email: true, expiresAt: true }, take: 1 },
        _count: { select: { costItems: true } },
      },
    });
  let rows = await find(search.vehicle);
  if (search.fallback && rows.length === 0) rows = await find(search.fallback);
  const items = rows.slice(0, size).map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    garage: r.garage.name,
    fleetAccount: r.fleetAccount?.name ?? null,
    contactName: opts.view === "customers" ? r.contactName : null,
    make: r.vehicle.make,
    model: r.vehicle.model,
    modelYear: r.vehicle.modelYear,
    vin: r.vehicle.vin,
    plate: r.vehicle.plates[0] ?? null,
    pending: r.transfers[0] ?? null,
  }));
  return { items, nextCursor: rows.length > size ? items[items.length - 1]?.id : undefined };
}
