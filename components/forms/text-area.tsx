"use client";

import type { ComponentProps } from "react";
import { controlClass, describedBy, FieldHelp, FieldLabel, useFieldState } from "./action-form";

/** A multi-line text field with its label, hint and field error, inside an ActionForm; keeps what was typed after a failed submit. */
export function TextArea({
  name,
  label,
  hint,
  defaultValue,
  rows = 3,
  className,
  ...rest
}: { name: string; label: string; hint?: string; defaultValue?: string } & Omit<ComponentProps<"textarea">, "name" | "defaultValue">) {
  const { id, error, kept } = useFieldState(name);
  return (
    <div>
      <FieldLabel id={id}>{label}</FieldLabel>
      <textarea
        id={id}
        name={name}
        rows={rows}
        key={kept ?? defaultValue ?? ""}
        defaultValue={kept ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...rest}
        className={controlClass(!!error, className)}
      />
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
}
