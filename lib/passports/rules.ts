/**
 * What garage staff may still change on a passport, by who holds the car. Pure: the use cases
 * enforce it, the customer profile hides what it refuses.
 *
 * While the garage holds the car (in stock, also with a transfer pending) everything is open.
 * Once the buyer holds it the garage keeps a service relationship: it records its service work
 * (maintenance items, notes) and may mark the car delivered, but it cannot put the car back in
 * stock or for sale, change the delivery costs the buyer took the car with, or rewrite the
 * buyer's contact details (the buyer keeps them in their own account; support corrects an address).
 */
import { PASSPORT_STATUSES, type PassportStatusT } from "./options";

/** The statuses of a car its buyer holds: "in stock" and "reserved" mean the garage still has it. */
export const AFTER_SALE_STATUSES: readonly PassportStatusT[] = ["SOLD", "DELIVERED"];

export interface PassportRules {
  statuses: readonly PassportStatusT[];
  notes: boolean;
  maintenance: boolean;
  costs: boolean;
  /** Name and address of the buyer, while the transfer is pending (the e-mail never). */
  contact: boolean;
  fleet: boolean;
}

/** `pending`: the transfer waiting for the buyer, if any (truthy). */
export function passportRules(state: { inStock: boolean; pending?: unknown }): PassportRules {
  const held = state.inStock;
  return {
    statuses: held ? PASSPORT_STATUSES : AFTER_SALE_STATUSES,
    notes: true,
    maintenance: true,
    costs: held,
    contact: held && !!state.pending,
    fleet: held && !state.pending,
  };
}

export function statusAllowed(state: { inStock: boolean }, status: PassportStatusT): boolean {
  return passportRules(state).statuses.includes(status);
}

/** The most cost or maintenance items one passport holds. */
export const MAX_ITEMS = 100;
