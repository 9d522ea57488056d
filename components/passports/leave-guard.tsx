"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertDialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { ArrowRightLeft } from "lucide-react";
import { buttonClass } from "@/components/ui/primitives";

const LOCALE_PREFIX = /^\/(nl|en|fr)(?=\/|$)/;

/** The in-app link a click would follow away from this page, or null (new tab, same page, other site). */
function leavingHref(e: MouseEvent): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!a || a.hasAttribute("download") || (a.target && a.target !== "_self")) return null;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  const here = window.location.pathname.replace(LOCALE_PREFIX, "");
  // The same page (an anchor, or the same page in another language) is not leaving it.
  if (url.pathname.replace(LOCALE_PREFIX, "") === here) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Leaving the customer profile of a stock car asks "Transfer this car to a customer?" (seed 002,
 * figure 2). Catches in-app link clicks before the router sees them; "yes" opens the contact
 * details, "no" follows the link.
 */
export function LeaveGuard({ enabled, onTransfer }: { enabled: boolean; onTransfer: () => void }) {
  const t = useTranslations("passports.leave");
  const router = useRouter();
  const [target, setTarget] = useState<string | null>(null);
  const released = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    const onClick = (e: MouseEvent) => {
      if (released.current) return;
      const href = leavingHref(e);
      if (!href) return;
      e.preventDefault();
      e.stopPropagation();
      setTarget(href);
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [enabled]);

  return (
    <AlertDialog.Root open={target !== null} onOpenChange={(open) => (open ? null : setTarget(null))}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          data-testid="leave-dialog"
          onCloseAutoFocus={(e) => e.preventDefault()}
          className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl"
        >
          <div className="flex items-start gap-3">
            <ArrowRightLeft aria-hidden className="mt-1 size-5 shrink-0 text-brand-600" />
            <div>
              <AlertDialog.Title className="text-lg font-semibold">{t("title")}</AlertDialog.Title>
              <AlertDialog.Description className="mt-2 text-sm text-zinc-600">{t("description")}</AlertDialog.Description>
            </div>
          </div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel
              className={buttonClass("secondary")}
              onClick={() => {
                const href = target;
                released.current = true;
                setTarget(null);
                if (href) router.push(href);
              }}
            >
              {t("no")}
            </AlertDialog.Cancel>
            <AlertDialog.Action
              className={buttonClass("primary")}
              onClick={() => {
                setTarget(null);
                onTransfer();
              }}
            >
              {t("yes")}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
