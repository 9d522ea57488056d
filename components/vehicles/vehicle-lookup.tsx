"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { lookUpVehicleAction } from "@/lib/vehicles/actions";
import type { LookUpVehicleResult } from "@/lib/vehicles/look-up-vehicle";

type Control = HTMLInputElement | HTMLSelectElement;

/**
 * Placed inside a staff form with the fields `plate`, `plateCountry`, `vin`, `make`, `model`,
 * `modelYear` and `fuel` (those present): when the plate loses focus or a complete VIN is typed,
 * asks the server (lib/vehicles/look-up-vehicle.ts) and fills in the empty ones that staff has
 * not typed in and is not typing in; a fuel staff chose is kept. Every field stays editable. Without an answer (no network, unknown plate)
 * nothing happens. `organisationField` names the form's field with the acting organisation
 * (none on a verification request's review form).
 */
export function VehicleLookup({ organisationField }: { organisationField?: string }) {
  const t = useTranslations("lookup");
  const anchor = useRef<HTMLDivElement>(null);
  const [filled, setFilled] = useState(false);
  const [mismatch, setMismatch] = useState<LookUpVehicleResult["mismatch"]>(null);

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const control = (name: string) => {
      const el = form.elements.namedItem(name);
      return el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? (el as Control) : null;
    };
    const value = (name: string) => control(name)?.value.trim() ?? "";
    let asked = "";
    let latest = 0;

    const lookUp = async () => {
      const vin = value("vin").replace(/\s/g, "");
      const fd = new FormData();
      if (organisationField) fd.set("organisationId", value(organisationField));
      fd.set("plate", value("plate"));
      fd.set("plateCountry", value("plateCountry") || "NL");
      if (vin.length === 17) fd.set("vin", vin);
      const key = [...fd.values()].join("|");
      if (key === asked) return;
      asked = key;
      const mine = ++latest;
      const r = await lookUpVehicleAction(null, fd).catch(() => null);
      // Only the answer to what the fields say now counts; a failure changes nothing.
      if (mine !== latest || !r?.ok) return;
      const { registered, vinMake } = r.data;
      let any = false;
      const fill = (name: string, v: string | number | null | undefined) => {
        const el = control(name);
        // A field the user is in or has typed in is theirs, even while still empty: filling it
        // then would mix the answer into what they type (a race a fast typist, or Playwright, wins).
        if (el && v != null && v !== "" && !el.value.trim() && el !== document.activeElement && !el.dataset.typed) {
          el.value = String(v);
          any = true;
        }
      };
      if (registered) {
        fill("make", registered.make);
        fill("model", registered.model);
        fill("modelYear", registered.modelYear);
        const fuel = control("fuel");
        if (fuel && registered.fuel && !fuel.dataset.chosen) fuel.value = registered.fuel;
      } else {
        fill("make", vinMake);
      }
      setFilled(any && !!registered);
      setMismatch(r.data.mismatch);
    };

    // A failed lookup leaves the form as it is: nothing to report.
    const ask = (): void => {
      lookUp().catch(() => undefined);
    };
    const onBlur = (e: Event) => {
      if ((e.target as Element).getAttribute("name") === "plate") ask();
    };
    const onInput = (e: Event) => {
      const name = (e.target as Element).getAttribute("name");
      if (name === "fuel") (e.target as HTMLSelectElement).dataset.chosen = "1";
      if (name === "make" || name === "model" || name === "modelYear") (e.target as Control).dataset.typed = "1";
      if (name === "vin" && value("vin").replace(/\s/g, "").length === 17) ask();
      if (name === "plateCountry") ask();
    };
    form.addEventListener("focusout", onBlur);
    form.addEventListener("change", onInput);
    form.addEventListener("input", onInput);
    return () => {
      form.removeEventListener("focusout", onBlur);
      form.removeEventListener("change", onInput);
      form.removeEventListener("input", onInput);
    };
  }, [organisationField]);

  return (
    <div ref={anchor} className="space-y-2 empty:hidden">
      {filled ? (
        <Alert tone="info" testId="lookup-filled">
          {t("filled")}
        </Alert>
      ) : null}
      {mismatch ? (
        <Alert tone="warning" testId="vin-make-mismatch">
          {t("mismatch", mismatch)}
        </Alert>
      ) : null}
    </div>
  );
}
