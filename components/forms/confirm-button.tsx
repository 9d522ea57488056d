"use client";

import { useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { AlertTriangle, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/primitives";
import { cn } from "@/components/ui/cn";

/**
 * The submit button of an action that cannot be undone: it opens an alert dialog that names the
 * consequence, and only its confirm button (which names the action) submits the form it sits in
 * (docs/decisions/0022-confirmations.md). Radix keeps focus in the dialog, starts on Cancel, closes
 * on Escape and gives focus back to this button; the page behind is hidden from assistive
 * technology meanwhile. Must be rendered inside the form (an ActionForm) it submits.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirm,
  variant = "secondary",
  disabled,
  describedBy,
  className,
}: {
  /** The button's own label, as before the dialog existed. */
  children: ReactNode;
  title: string;
  /** What happens, in plain words: what ends, who is told, what cannot be undone. */
  description: ReactNode;
  /** The confirm button's label: the action itself ("Revoke invitation"), never "OK". */
  confirm: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  disabled?: boolean;
  /** The id of a note saying why the button is disabled. */
  describedBy?: string;
  className?: string;
}) {
  const t = useTranslations("common");
  const trigger = useRef<HTMLButtonElement>(null);
  const { pending } = useFormStatus();
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button
          ref={trigger}
          type="button"
          disabled={pending || disabled}
          aria-busy={pending}
          aria-describedby={describedBy}
          className={cn(buttonClass(variant), className)}
        >
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
          {children}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          data-testid="confirm-dialog"
          className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl"
        >
          <div className="flex items-start gap-3">
            <AlertTriangle aria-hidden className="mt-1 size-5 shrink-0 text-red-600" />
            <div>
              <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
              <AlertDialog.Description className="mt-2 text-sm text-zinc-600">{description}</AlertDialog.Description>
            </div>
          </div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonClass("secondary")}>{t("cancel")}</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass("danger")} onClick={() => trigger.current?.form?.requestSubmit()}>
              {confirm}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
