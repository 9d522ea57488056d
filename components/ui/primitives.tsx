import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { CARD_CLASS } from "./classes";

// Client components import these two from their own modules, which do without tailwind-merge:
// a `className` passed to them adds classes, it does not override theirs (components/ui/classes.ts).
export { Alert } from "./alert";
export { buttonClass } from "./classes";

export function Card({ className, ...p }: ComponentProps<"section">) {
  return <section className={cn(CARD_CLASS, className)} {...p} />;
}

export function PageTitle({ children, sub, className }: { children: ReactNode; sub?: ReactNode; className?: string }) {
  return (
    <div className={cn("mb-6", className)}>
      <h1 className="text-2xl font-semibold tracking-tight">{children}</h1>
      {sub ? <p className="mt-1 text-sm text-zinc-600">{sub}</p> : null}
    </div>
  );
}

export function Badge({ tone = "zinc", children }: { tone?: "zinc" | "green" | "amber" | "red" | "blue"; children: ReactNode }) {
  const c = {
    zinc: "bg-zinc-100 text-zinc-700",
    green: "bg-green-100 text-green-800",
    amber: "bg-amber-100 text-amber-800",
    red: "bg-red-100 text-red-800",
    blue: "bg-blue-100 text-blue-800",
  }[tone];
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", c)}>{children}</span>;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">{children}</p>;
}
