/**
 * What the garage card says about a car's active contracts: how many, and which ends first, so
 * "2 active contracts · until 1 Oct 2027" no longer reads as if both end then. Pure.
 */
import { today } from "../server/dates";

export interface ContractEnd {
  product: string;
  endsAt: Date | null;
}

export type ContractSummary =
  | { kind: "none" }
  /** One active contract: its product and end (null: no end date). */
  | { kind: "one"; product: string; endsAt: Date | null }
  /** Several: the one that ends first, alone on that day. */
  | { kind: "first"; count: number; product: string; endsAt: Date }
  /** Several: `ending` of them end first, on the same day (all of them when `ending === count`). */
  | { kind: "together"; count: number; ending: number; endsAt: Date }
  /** Several, none with an end date. */
  | { kind: "open"; count: number };

/** The calendar day in Amsterdam an instant falls on, as a number to compare. */
const dayOf = (d: Date) => today(d).getTime();

export function contractSummary(contracts: readonly ContractEnd[]): ContractSummary {
  if (contracts.length === 0) return { kind: "none" };
  if (contracts.length === 1) return { kind: "one", product: contracts[0]!.product, endsAt: contracts[0]!.endsAt };
  const dated = contracts.filter((c): c is ContractEnd & { endsAt: Date } => c.endsAt !== null);
  if (dated.length === 0) return { kind: "open", count: contracts.length };
  const first = dated.reduce((a, b) => (b.endsAt < a.endsAt ? b : a));
  const ending = dated.filter((c) => dayOf(c.endsAt) === dayOf(first.endsAt)).length;
  return ending === 1
    ? { kind: "first", count: contracts.length, product: first.product, endsAt: first.endsAt }
    : { kind: "together", count: contracts.length, ending, endsAt: first.endsAt };
}
