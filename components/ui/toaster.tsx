"use client";

import { useEffect, useState, type ComponentProps } from "react";

type Sonner = typeof import("sonner");

/**
 * Success toasts (sonner, docs/decisions/0022-confirmations.md), loaded when a page needs them
 * rather than with every page (decision 0043). A form that raises a toast calls `prepareToasts()`
 * once the browser is idle after it mounts, and again as it submits: sonner is fetched and its
 * Toaster, with its live region, mounted before the first toast, so screen readers announce it.
 * `showSuccessToast` hands the toast to the Toaster that listens, or keeps it until one does; a
 * toast kept longer than a few seconds (sonner could not be loaded) is dropped rather than shown
 * out of context later. A page with no such form never loads sonner.
 */
let loading: Promise<Sonner> | null = null;
let showHost: ((sonner: Sonner) => void) | null = null;
/** sonner, once the mounted host's Toaster listens; null while none does. */
let listening: Sonner | null = null;
const pending: { message: string; options: { testId: string }; at: number }[] = [];
const PENDING_MS = 5_000;

export function prepareToasts() {
  loading ??= import("sonner");
  loading.then(
    (sonner) => showHost?.(sonner),
    () => {
      // Not loaded (offline, a new deploy): the next form tries again; the change itself is made.
      loading = null;
    },
  );
}

export function showSuccessToast(message: string, options: { testId: string }) {
  pending.push({ message, options, at: Date.now() });
  flush();
  prepareToasts();
}

function flush() {
  if (!listening) return;
  const now = Date.now();
  for (const t of pending.splice(0)) if (now - t.at <= PENDING_MS) listening.toast.success(t.message, t.options);
}

/** Fetches sonner once the browser is idle (a form that raises toasts calls it when it mounts). */
export function usePreparedToasts(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(() => prepareToasts());
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(prepareToasts, 1_000);
    return () => clearTimeout(timer);
  }, [enabled]);
}

/** In the root layout: renders sonner's Toaster once a form has asked for it. */
export function ToasterHost(props: Omit<ComponentProps<Sonner["Toaster"]>, "ref">) {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  useEffect(() => {
    showHost = setSonner;
    // Loaded for an earlier mount of the layout (a change of language remounts it): show it again.
    if (loading) prepareToasts();
    return () => {
      showHost = null;
    };
  }, []);
  useEffect(() => {
    if (!sonner) return;
    // The Toaster's own effect (its subscription to new toasts) ran before this one.
    listening = sonner;
    flush();
    return () => {
      listening = null;
    };
  }, [sonner]);
  return sonner ? <sonner.Toaster {...props} /> : null;
}
