"use client";

import { useId, type ComponentProps } from "react";
import { controlClass, useFormResult } from "./action-form";

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
  const result = useFormResult();
  const id = useId();
  const error = result && !result.ok ? result.error.fieldErrors?.[name] : undefined;
  const kept = result && !result.ok ? result.values?.[name] : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        key={kept ?? defaultValue ?? ""}
        defaultValue={kept ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...rest}
        className={controlClass(!!error, className)}
      />
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
