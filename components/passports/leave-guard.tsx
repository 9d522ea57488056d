"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { useTranslations } from "next-intl";
import { ArrowRightLeft } from "@/components/ui/icons";
import { buttonClass } from "@/components/ui/classes";

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

/** The bits of the Navigation API used here (Chromium; not yet in TypeScript's DOM types). */
type TraverseEvent = Event & { navigationType: string; cancelable: boolean; destination: { key: string; sameDocument: boolean } };
type NavigationLike = EventTarget & { traverseTo: (key: string) => unknown };

function navigationApi(): NavigationLike | null {
  return (window as unknown as { navigation?: NavigationLike }).navigation ?? null;
}

/** Where the dialog's "no" goes: an in-app link, or a history entry the Back button was heading for. */
type Target = { href: string } | { entryKey: string };

/**
 * Leaving the customer profile of a stock car asks "Transfer this car to a customer?" (seed 002,
 * figure 2); "yes" opens the contact details, "no" leaves as asked.
 * - In-app link clicks are caught before the router sees them.
 * - The browser's Back (and Forward) within the app is caught through the Navigation API's
 *   `navigate` event, which the browser lets a page cancel for same-document traversals (the App
 *   Router's own entries); no history entries are added, so Next's router state is left alone.
 *   Browsers without the Navigation API leave by Back without asking.
 * - Closing the tab, reloading, typing another address or going Back to another document get
 *   the browser's own confirmation (`beforeunload`), with its own generic text.
 */
export function LeaveGuard({ enabled, onTransfer }: { enabled: boolean; onTransfer: () => void }) {
  const t = useTranslations("passports.leave");
  const router = useRouter();
  const [target, setTarget] = useState<Target | null>(null);
  const released = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    const onClick = (e: MouseEvent) => {
      if (released.current) return;
      const href = leavingHref(e);
      if (!href) return;
      e.preventDefault();
      e.stopPropagation();
      setTarget({ href });
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (released.current) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = "";
    };
    const onNavigate = (event: Event) => {
      const e = event as TraverseEvent;
      if (released.current || e.navigationType !== "traverse" || !e.cancelable || !e.destination.sameDocument) return;
      e.preventDefault();
      setTarget({ entryKey: e.destination.key });
    };
    const navigation = navigationApi();
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [enabled]);

  const leave = () => {
    const to = target;
    released.current = true;
    setTarget(null);
    if (!to) return;
    if ("href" in to) router.push(to.href);
    else navigationApi()?.traverseTo(to.entryKey);
  };

  return (
    <AlertDialog
      open={target !== null}
      onDismiss={() => setTarget(null)}
      title={t("title")}
      description={t("description")}
      icon={<ArrowRightLeft aria-hidden className="mt-1 size-5 shrink-0 text-brand-600" />}
      testId="leave-dialog"
    >
      <button type="button" data-autofocus className={buttonClass("secondary")} onClick={leave}>
        {t("no")}
      </button>
      <button
        type="button"
        className={buttonClass("primary")}
        onClick={() => {
          setTarget(null);
          onTransfer();
        }}
      >
        {t("yes")}
      </button>
    </AlertDialog>
  );
}
