"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { useFormResult } from "./action-form";

/**
 * A checkbox with its label and field error, inside an ActionForm. After a failed submit it keeps
 * what was ticked; with `checked` and `onChange` it is controlled by its parent instead.
 */
export function Checkbox({
  name,
  label,
  defaultChecked,
  ...rest
}: { name: string; label: ReactNode; defaultChecked?: boolean } & Omit<ComponentProps<"input">, "name" | "type" | "defaultChecked" | "className">) {
  const result = useFormResult();
  const id = useId();
  const error = result && !result.ok ? result.error.fieldErrors?.[name] : undefined;
  const kept = result && !result.ok && result.values ? result.values[name] === "on" : undefined;
  const controlled = rest.checked !== undefined;
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name={name}
          key={controlled ? undefined : String(kept ?? defaultChecked)}
          defaultChecked={controlled ? undefined : (kept ?? defaultChecked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-0.5 size-4"
          {...rest}
        />
        <span>{label}</span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
