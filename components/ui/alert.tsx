import type { ReactNode } from "react";
import clsx from "clsx";
import { AlertCircle, AlertTriangle, CheckCircle2, Info } from "@/components/ui/icons";

const tones = {
  error: { box: "border-red-200 bg-red-50 text-red-800", Icon: AlertCircle },
  success: { box: "border-green-200 bg-green-50 text-green-800", Icon: CheckCircle2 },
  info: { box: "border-blue-200 bg-blue-50 text-blue-800", Icon: Info },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-900", Icon: AlertTriangle },
} as const;

/** A notice; `className` adds to it (a margin, a wrap), it does not override its box (components/ui/classes.ts). */
export function Alert({ tone = "info", children, className, testId }: { tone?: keyof typeof tones; children: ReactNode; className?: string; testId?: string }) {
  const { box, Icon } = tones[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} data-testid={testId} className={clsx("flex gap-2 rounded-lg border px-3 py-2 text-sm", box, className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
    </div>
  );
}
