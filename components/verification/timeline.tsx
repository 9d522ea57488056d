import type { ReactNode } from "react";
import { CheckCircle2, Circle, CircleDot, XCircle } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

export interface TimelineStep {
  key: string;
  label: ReactNode;
  state: "done" | "current" | "pending" | "failed";
  when?: string;
  detail?: ReactNode;
}

const ICON = { done: CheckCircle2, current: CircleDot, pending: Circle, failed: XCircle } as const;
const COLOUR = { done: "text-green-700", current: "text-blue-700", pending: "text-zinc-400", failed: "text-red-700" } as const;

/** A vertical status timeline (submitted → in review → decision). */
export function Timeline({ steps, label }: { steps: TimelineStep[]; label: string }) {
  return (
    <ol aria-label={label} className="space-y-0" data-testid="timeline">
      {steps.map((s, i) => {
        const Icon = ICON[s.state];
        return (
          <li key={s.key} className="relative flex gap-3 pb-5 last:pb-0" data-testid={`timeline-${s.key}`} data-state={s.state}>
            {i < steps.length - 1 ? <span aria-hidden className="absolute left-[9px] top-6 h-[calc(100%-1.25rem)] w-px bg-zinc-200" /> : null}
            <Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", COLOUR[s.state])} />
            <div className="min-w-0">
              <p className={cn("text-sm font-medium", s.state === "pending" ? "text-zinc-500" : "text-zinc-900")}>{s.label}</p>
              {s.when ? <p className="text-xs text-zinc-500">{s.when}</p> : null}
              {s.detail ? <div className="mt-1 text-sm text-zinc-700">{s.detail}</div> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
