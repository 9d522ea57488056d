/**
 * The contracts a dealer can include with a new car; names live in the message files (products.*).
 * `transferable`: the contract belongs to the car and can go with it to its next owner at a
 * handover (docs/decisions/0034); a charging contract is the holder's own card and ends.
 */
export const PRODUCTS = {
  CONNECT: { defaultMonths: 36, defaultAutoRenew: true, transferable: true },
  CHARGING: { defaultMonths: 12, defaultAutoRenew: true, transferable: false },
  ROADSIDE: { defaultMonths: 24, defaultAutoRenew: false, transferable: true },
  WARRANTY_PLUS: { defaultMonths: 24, defaultAutoRenew: false, transferable: true },
} as const;

/** Whether a contract of this product can go with the car to its next owner; unknown products cannot. */
export function isTransferable(product: string): boolean {
  return Object.hasOwn(PRODUCTS, product) && PRODUCTS[product as ProductCode].transferable;
}

export type ProductCode = keyof typeof PRODUCTS;
export const PRODUCT_CODES = Object.keys(PRODUCTS) as ProductCode[];
