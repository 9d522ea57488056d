import clsx, { type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names; of two Tailwind classes for the same property the later one wins (tailwind-merge),
 * so a `className` passed to a component overrides its defaults instead of racing them in the CSS.
 */
export const cn = (...c: ClassValue[]) => twMerge(clsx(c));
