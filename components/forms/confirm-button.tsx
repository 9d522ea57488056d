"use client";

import { useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { AlertTriangle, Loader2 } from "@/components/ui/icons";
import { useTranslations } from "next-intl";
import clsx from "clsx";
import { buttonClass, type ButtonVariant } from "@/components/ui/classes";
import { AlertDialog } from "@/components/ui/alert-dialog";

/**
 * The submit button of an action that cannot be undone: it opens an alert dialog that names the
 * consequence, and only its confirm button (which names the action) submits the form it sits in
 * (docs/decisions/0022-confirmations.md). The dialog (components/ui/alert-dialog.tsx, the browser's
 * modal <dialog>) keeps focus inside, starts on Cancel, closes on Escape and gives focus back to
 * this button; the page behind is inert meanwhile. Must be rendered inside the form (an ActionForm)
 * it submits.
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
  variant?: ButtonVariant;
  disabled?: boolean;
  /** The id of a note saying why the button is disabled. */
  describedBy?: string;
  /** Adds to the button (a margin); its colour is `variant`. */
  className?: string;
}) {
  const t = useTranslations("common");
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const { pending } = useFormStatus();
  return (
    <>
      <button
        ref={trigger}
        type="button"
        disabled={pending || disabled}
        aria-busy={pending}
        aria-describedby={describedBy}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className={clsx(buttonClass(variant), className)}
      >
        {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
        {children}
      </button>
      <AlertDialog
        open={open}
        onDismiss={() => setOpen(false)}
        title={title}
        description={description}
        icon={<AlertTriangle aria-hidden className="mt-1 size-5 shrink-0 text-red-600" />}
        testId="confirm-dialog"
      >
        <button type="button" data-autofocus className={buttonClass("secondary")} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
        <button
          type="button"
          className={buttonClass("danger")}
          onClick={() => {
            setOpen(false);
            trigger.current?.form?.requestSubmit();
          }}
        >
          {confirm}
        </button>
      </AlertDialog>
    </>
  );
}
