import clsx from "clsx";

/**
 * The class lists that client components use, joined with clsx alone: tailwind-merge (`cn`, 8.8 KiB
 * gzipped) stays out of the browser (decision 0043). Nothing here relies on a later class
 * overriding an earlier one: a size or a colour is a parameter, never a `className` to merge over
 * a default. Server components keep `cn` for their overrides.
 */

export const CARD_CLASS = "rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "success";
export type ButtonSize = "md" | "compact" | "sm" | "xs" | "narrow";

const BUTTON_SIZES: Record<ButtonSize, string> = {
  md: "px-4 py-2 text-sm",
  /** In a row of a list. */
  compact: "px-3 py-1.5 text-sm",
  sm: "px-3 py-1.5 text-xs",
  xs: "px-2 py-1 text-xs",
  /** An icon with a short label. */
  narrow: "px-2 py-2 text-sm",
};

const BUTTON_VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50",
  danger: "bg-red-600 text-white hover:bg-red-700",
  ghost: "text-zinc-700 hover:bg-zinc-100",
  /** The step that completes a sale (the transfer of a stock car). */
  success: "bg-green-600 text-white hover:bg-green-700",
};

export const buttonClass = (variant: ButtonVariant = "primary", size: ButtonSize = "md") =>
  clsx(
    "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition disabled:cursor-not-allowed disabled:opacity-50",
    BUTTON_SIZES[size],
    BUTTON_VARIANTS[variant],
  );
