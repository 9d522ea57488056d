"use client";

import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldHelp, useFieldState } from "./action-form";

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
  const field = useFieldState(name);
  const { id, error } = field;
  const kept = field.failed ? field.kept === "on" : undefined;
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
          aria-describedby={describedBy(id, error)}
          className="mt-0.5 size-4"
          {...rest}
        />
        <span>{label}</span>
      </label>
      <FieldHelp id={id} error={error} />
    </div>
  );
}
