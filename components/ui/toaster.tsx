"use client";

import { useEffect, useState, type ComponentProps } from "react";

type Sonner = typeof import("sonner");

/**
 * Success toasts (sonner, docs/decisions/0022-confirmations.md), loaded when a page first needs
 * them rather than with every page (decision 0043): a form that raises a toast calls
 * `prepareToasts()` as it submits, which fetches sonner and mounts its Toaster (with its live
 * region) while the server action runs; `showSuccessToast` raises the toast once that Toaster
 * listens. A page where nobody submits such a form never loads sonner.
 */
let loading: Promise<Sonner> | null = null;
let showHost: ((sonner: Sonner) => void) | null = null;
/** Resolves once the mounted host's Toaster listens; renewed when the host unmounts (a change of language remounts the layout). */
let listening: (sonner: Sonner) => void = () => {};
let ready = newReady();

function newReady() {
  return new Promise<Sonner>((resolve) => {
    listening = resolve;
  });
}

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
  prepareToasts();
  ready.then(
    (sonner) => sonner.toast.success(message, options),
    () => {},
  );
}

/** In the root layout: renders sonner's Toaster once a form has asked for it. */
export function ToasterHost(props: Omit<ComponentProps<Sonner["Toaster"]>, "ref">) {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  useEffect(() => {
    showHost = setSonner;
    // Loaded for an earlier mount of the layout: show it again at once.
    if (loading) prepareToasts();
    return () => {
      showHost = null;
      ready = newReady();
    };
  }, []);
  useEffect(() => {
    // The Toaster's own effect (its subscription to new toasts) ran before this one.
    if (sonner) listening(sonner);
  }, [sonner]);
  return sonner ? <sonner.Toaster {...props} /> : null;
}
