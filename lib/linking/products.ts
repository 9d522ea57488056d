/** The contracts a dealer can include with a new car; names live in the message files (products.*). */
export const PRODUCTS = {
  CONNECT: { defaultMonths: 36, defaultAutoRenew: true },
  CHARGING: { defaultMonths: 12, defaultAutoRenew: true },
  ROADSIDE: { defaultMonths: 24, defaultAutoRenew: false },
  WARRANTY_PLUS: { defaultMonths: 24, defaultAutoRenew: false },
} as const;

export type ProductCode = keyof typeof PRODUCTS;
export const PRODUCT_CODES = Object.keys(PRODUCTS) as ProductCode[];
