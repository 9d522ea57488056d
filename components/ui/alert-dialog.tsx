"use client";

import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * An alert dialog on the browser's own modal `<dialog>` (decision 0043, which replaces the Radix
 * dialog of decision 0022): `showModal()` puts it in the top layer and makes the page behind inert
 * (focus cannot leave it, assistive technology does not see the page), Escape closes it, a click
 * outside does not, and closing it gives focus back to the element that had it. It is labelled by
 * its title and described by its description (`role="alertdialog"`), and starts on the button
 * marked `data-autofocus` (Cancel: the safe choice). Its content is rendered only while it is open.
 * It is rendered into `<body>`, not where it is used: in a form or a row it would be one more
 * child (Tailwind's `space-y-*` would give the button before it a margin) and would inherit the
 * row's text styles. Its buttons reach the form through a ref (`form.requestSubmit()`).
 */
export function AlertDialog({
  open,
  onDismiss,
  title,
  description,
  icon,
  testId,
  children,
}: {
  open: boolean;
  /** Escape, or a button that closes it: the owner sets `open` to false. */
  onDismiss: () => void;
  title: ReactNode;
  description: ReactNode;
  icon?: ReactNode;
  testId?: string;
  /** The buttons; the one to start on carries `data-autofocus`. */
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // False on the server and while hydrating (there is no <body> to portal into), true after.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, inBrowser]);
  if (!inBrowser) return null;
  return createPortal(
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid={testId}
      // Escape closes the dialog by itself; `close` tells the owner, whatever closed it.
      onClose={onDismiss}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-6 shadow-xl backdrop:bg-black/40"
    >
      {open ? (
        <>
          <div className="flex items-start gap-3">
            {icon}
            <div>
              <h2 id={titleId} className="text-lg font-semibold">
                {title}
              </h2>
              <div id={descriptionId} className="mt-2 text-sm text-zinc-600">
                {description}
              </div>
            </div>
          </div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>
        </>
      ) : null}
    </dialog>,
    document.body,
  );
}

const noSubscription = () => () => {};
