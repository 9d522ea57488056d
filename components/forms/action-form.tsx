"use client";

import { createContext, useActionState, useContext, useId, type ComponentProps, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import type { ActionResult } from "@/lib/server/action-types";
import { Alert, buttonClass } from "@/components/ui/primitives";
import { cn } from "@/components/ui/cn";

type State = ActionResult<unknown> | null;
const FormState = createContext<State>(null);

/**
 * A form posting to a server action with useActionState: the error comes back as a value, field
 * errors stand next to their fields, and typed values are kept.
 */
export function ActionForm({
  action,
  children,
  success,
  className,
  hideSuccess,
}: {
  action: (prev: unknown, fd: FormData) => Promise<ActionResult<unknown>>;
  children: ReactNode;
  success?: ReactNode;
  className?: string;
  hideSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, null as State);
  return (
    <FormState.Provider value={state}>
      <form action={formAction} className={cn("space-y-4", className)} noValidate>
        {state && !state.ok ? <Alert tone="error" testId="form-error">{state.error.message}</Alert> : null}
        {state?.ok && success && !hideSuccess ? <Alert tone="success" testId="form-success">{success}</Alert> : null}
        {children}
      </form>
    </FormState.Provider>
  );
}

export function useFormResult() {
  return useContext(FormState);
}

/** Gives the fields below a result without a form posting it (rendering tests use it). */
export const FormResultProvider = FormState.Provider;

/**
 * The box of a text control (input, textarea): a passed `className` adds to it or overrides it,
 * and a field with an error keeps its red border whatever is passed.
 */
export function controlClass(invalid: boolean, className?: string) {
  return cn("mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm", className, invalid && "border-red-500");
}

export function Field({
  name,
  label,
  hint,
  type = "text",
  defaultValue,
  className,
  ...rest
}: { name: string; label: string; hint?: string } & Omit<ComponentProps<"input">, "name">) {
  const state = useContext(FormState);
  const id = useId();
  const error = state && !state.ok ? state.error.fieldErrors?.[name] : undefined;
  const kept = state && !state.ok ? state.values?.[name] : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        key={kept ?? String(defaultValue ?? "")}
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

export function SelectField({
  name,
  label,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const state = useContext(FormState);
  const id = useId();
  const error = state && !state.ok ? state.error.fieldErrors?.[name] : undefined;
  const kept = state && !state.ok ? state.values?.[name] : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        key={kept ?? defaultValue}
        defaultValue={kept ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  className,
  disabled,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || disabled} aria-busy={pending} className={cn(buttonClass(variant), className)}>
      {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
      {children}
    </button>
  );
}
