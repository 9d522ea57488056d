"use client";

import { createContext, useActionState, useContext, useId, type ComponentProps, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "@/components/ui/icons";
import type { ActionResult } from "@/lib/server/action-types";
import clsx from "clsx";
import { Alert } from "@/components/ui/alert";
import { buttonClass, type ButtonSize, type ButtonVariant } from "@/components/ui/classes";
import { prepareToasts, showSuccessToast, usePreparedToasts } from "@/components/ui/toaster";

type State = ActionResult<unknown> | null;
const FormState = createContext<State>(null);

/**
 * A form posting to a server action with useActionState: the error comes back as a value, field
 * errors stand next to their fields, and typed values are kept. A success is said next to the form
 * (`success`) or, for a change made in place whose row may change or disappear with it, in a toast
 * (`toast`): the toast is raised from the action's result, so it shows even when this form is gone
 * after the page refreshed (docs/decisions/0022-confirmations.md).
 */
export function ActionForm({
  action,
  children,
  success,
  toast,
  className,
  hideSuccess,
}: {
  action: (prev: unknown, fd: FormData) => Promise<ActionResult<unknown>>;
  children: ReactNode;
  success?: ReactNode;
  toast?: string;
  className?: string;
  hideSuccess?: boolean;
}) {
  const run = async (prev: unknown, fd: FormData) => {
    if (toast) prepareToasts();
    const result = await action(prev, fd);
    if (result.ok && toast) showSuccessToast(toast, { testId: "toast-success" });
    return result;
  };
  const [state, formAction] = useActionState(run, null as State);
  usePreparedToasts(!!toast);
  return (
    <FormState.Provider value={state}>
      <form action={formAction} className={formClass(className)} noValidate>
        {state && !state.ok ? <Alert tone="error" testId="form-error">{state.error.message}</Alert> : null}
        {state?.ok && success && !hideSuccess ? <Alert tone="success" testId="form-success">{success}</Alert> : null}
        {children}
      </form>
    </FormState.Provider>
  );
}

/**
 * A form's own spacing (`space-y-4`) unless `className` sets one; whatever else it holds adds to
 * it. The one override the forms need, without tailwind-merge in the browser (components/ui/classes.ts).
 */
function formClass(className?: string) {
  return clsx(!/(?:^|\s)space-y-/.test(className ?? "") && "space-y-4", className);
}

export function useFormResult() {
  return useContext(FormState);
}

/** Gives the fields below a result without a form posting it (rendering tests use it). */
export const FormResultProvider = FormState.Provider;

/**
 * The box of a text control (input, textarea): a passed `className` adds to it (a font, a case;
 * it does not override the box: components/ui/classes.ts), and a field with an error has a red border.
 */
export function controlClass(invalid: boolean, className?: string) {
  return clsx("mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm", invalid ? "border-red-500" : "border-zinc-300", className);
}

/** What a field of an ActionForm shows: its id, its field error, and the value kept after a failed submit. */
export function useFieldState(name: string) {
  const result = useContext(FormState);
  const id = useId();
  const failed = result && !result.ok ? result : null;
  return { id, error: failed?.error.fieldErrors?.[name], kept: failed?.values?.[name], failed: !!failed };
}

/** `aria-describedby` of a control: its error, else its hint. */
export function describedBy(id: string, error?: string, hint?: string): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function FieldLabel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
      {children}
    </label>
  );
}

/** The hint under a control, replaced by its field error when there is one. */
export function FieldHelp({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
      {hint}
    </p>
  ) : null;
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
  const { id, error, kept } = useFieldState(name);
  return (
    <div>
      <FieldLabel id={id}>{label}</FieldLabel>
      <input
        id={id}
        name={name}
        type={type}
        key={kept ?? String(defaultValue ?? "")}
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
  const { id, error, kept } = useFieldState(name);
  return (
    <div>
      <FieldLabel id={id}>{label}</FieldLabel>
      <select
        id={id}
        name={name}
        key={kept ?? defaultValue}
        defaultValue={kept ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        className={controlClass(!!error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} error={error} />
    </div>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  size,
  className,
  disabled,
  describedBy,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Adds to the button (a margin); its size and colour are `size` and `variant`. */
  className?: string;
  disabled?: boolean;
  /** The id of a note saying why the button is disabled. */
  describedBy?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || disabled} aria-busy={pending} aria-describedby={describedBy} className={clsx(buttonClass(variant, size), className)}>
      {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : null}
      {children}
    </button>
  );
}
