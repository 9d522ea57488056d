import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionResult } from "@/lib/server/action-types";

type FormAction = (prev: unknown, fd: FormData) => Promise<ActionResult<unknown>>;

/** A one-button form acting on one line of a passport's list (a cost or a maintenance item). */
export function ItemButton({ action, hidden, label, item, icon, variant = "ghost" }: { action: FormAction; hidden: Record<string, string>; label: string; item: string; icon: ReactNode; variant?: "ghost" | "secondary" }) {
  return (
    <ActionForm action={action} className="space-y-0">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} size="xs">
        {icon}
        {label}
        <span className="sr-only">: {item}</span>
      </SubmitButton>
    </ActionForm>
  );
}
