import type { ComponentProps, ReactNode } from "react";
import { AlertCircle, AlertTriangle, CheckCircle2, Info } from "lucide-react";
import { cn } from "./cn";

export function Card({ className, ...p }: ComponentProps<"section">) {
  return <section className={cn("rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6", className)} {...p} />;
}

export function PageTitle({ children, sub, className }: { children: ReactNode; sub?: ReactNode; className?: string }) {
  return (
    <div className={cn("mb-6", className)}>
      <h1 className="text-2xl font-semibold tracking-tight">{children}</h1>
      {sub ? <p className="mt-1 text-sm text-zinc-600">{sub}</p> : null}
    </div>
  );
}

const tones = {
  error: { box: "border-red-200 bg-red-50 text-red-800", Icon: AlertCircle },
  success: { box: "border-green-200 bg-green-50 text-green-800", Icon: CheckCircle2 },
  info: { box: "border-blue-200 bg-blue-50 text-blue-800", Icon: Info },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-900", Icon: AlertTriangle },
} as const;

export function Alert({ tone = "info", children, className, testId }: { tone?: keyof typeof tones; children: ReactNode; className?: string; testId?: string }) {
  const { box, Icon } = tones[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} data-testid={testId} className={cn("flex gap-2 rounded-lg border px-3 py-2 text-sm", box, className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
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

export const buttonClass = (variant: "primary" | "secondary" | "danger" | "ghost" = "primary") =>
  cn(
    "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50",
    variant === "primary" && "bg-brand-600 text-white hover:bg-brand-700",
    variant === "secondary" && "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50",
    variant === "danger" && "bg-red-600 text-white hover:bg-red-700",
    variant === "ghost" && "text-zinc-700 hover:bg-zinc-100",
  );

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">{children}</p>;
}
