import { describe, expect, it } from "vitest";
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ActionForm, Field, FormResultProvider, SubmitButton } from "@/components/forms/action-form";
import { Checkbox } from "@/components/forms/checkbox";
import { TextArea } from "@/components/forms/text-area";
import type { ActionResult } from "@/lib/server/action-types";

const failed = (fieldErrors: Record<string, string>, values: Record<string, string> = {}): ActionResult<unknown> => ({
  ok: false,
  error: { code: "VALIDATION", message: "Check the fields", fieldErrors },
  values,
});

/** Renders a field as after a submit that came back with `result` (none: the first render). */
const render = (field: ReactElement, result: ActionResult<unknown> | null = null) => renderToStaticMarkup(createElement(FormResultProvider, { value: result }, field));

/** The class list of the first element with that tag. */
const classesOf = (html: string, tag: string) => {
  const m = new RegExp(`<${tag}\\b[^>]*\\bclass="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no <${tag}> with a class in ${html}`);
  return m[1].split(/\s+/);
};

describe("Field", () => {
  it("adds a passed className to its box instead of replacing it", () => {
    const classes = classesOf(render(createElement(Field, { name: "vin", label: "VIN", className: "font-mono uppercase" })), "input");
    expect(classes).toEqual(expect.arrayContaining(["font-mono", "uppercase", "mt-1", "block", "w-full", "rounded-lg", "border", "border-zinc-300", "bg-white", "text-sm"]));
  });

  it("has a red border instead of the grey one after an error", () => {
    const html = render(createElement(Field, { name: "vin", label: "VIN", className: "font-mono uppercase" }), failed({ vin: "Not a VIN" }, { vin: "WP0" }));
    const classes = classesOf(html, "input");
    expect(classes).toContain("border-red-500");
    expect(classes).not.toContain("border-zinc-300");
    expect(classes).toEqual(expect.arrayContaining(["font-mono", "uppercase"]));
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="WP0"');
    expect(html).toContain("Not a VIN");
  });

});

// Client components join classes with clsx, without tailwind-merge (decision 0043): a size or a
// colour is a parameter, and a form's spacing gives way to one its className sets.
type ButtonProps = ComponentProps<typeof SubmitButton>;
type FormProps = ComponentProps<typeof ActionForm>;

describe("SubmitButton and ActionForm without tailwind-merge", () => {
  it("takes its size from `size`, with one padding and one text size", () => {
    const classes = classesOf(renderToStaticMarkup(createElement(SubmitButton, { variant: "secondary", size: "sm" } as ButtonProps, "Save")), "button");
    expect(classes).toEqual(expect.arrayContaining(["px-3", "py-1.5", "text-xs", "border-zinc-300"]));
    expect(classes).not.toEqual(expect.arrayContaining(["px-4"]));
    expect(classes.filter((c) => /^text-(?:xs|sm)$/.test(c))).toEqual(["text-xs"]);
    expect(classesOf(renderToStaticMarkup(createElement(SubmitButton, { variant: "success" } as ButtonProps, "Transfer")), "button")).toEqual(expect.arrayContaining(["bg-green-600", "px-4", "py-2", "text-sm"]));
  });

  it("keeps a form's space-y-4 unless its className sets a spacing", () => {
    const action = async (): Promise<ActionResult<unknown>> => ({ ok: true, data: null });
    const form = (className?: string) => classesOf(renderToStaticMarkup(createElement(ActionForm, { action, className } as unknown as FormProps, "x")), "form");
    expect(form()).toEqual(["space-y-4"]);
    expect(form("space-y-0")).toEqual(["space-y-0"]);
    expect(form("grid gap-3 space-y-0")).not.toContain("space-y-4");
    expect(form("rounded-lg border p-4")).toEqual(expect.arrayContaining(["space-y-4", "rounded-lg", "p-4"]));
  });
});

describe("TextArea", () => {
  it("shows its hint, and after an error the red border, the message and what was typed", () => {
    const field = createElement(TextArea, { name: "notes", label: "Notes", hint: "For the garage only", defaultValue: "saved", maxLength: 4000 });
    const first = render(field);
    expect(first).toContain(">saved</textarea>");
    expect(first).toContain("For the garage only");
    expect(classesOf(first, "textarea")).toContain("border-zinc-300");

    const after = render(field, failed({ notes: "Too long" }, { notes: "typed" }));
    expect(after).toContain(">typed</textarea>");
    expect(after).toContain("Too long");
    expect(after).not.toContain("For the garage only");
    expect(classesOf(after, "textarea")).toContain("border-red-500");
    expect(classesOf(after, "textarea")).not.toContain("border-zinc-300");
  });
});

describe("Checkbox", () => {
  it("starts as given, and after a failed submit shows what was ticked and the field's error", () => {
    expect(render(createElement(Checkbox, { name: "renew", label: "Renew", defaultChecked: true }))).toContain('checked=""');
    const unticked = render(createElement(Checkbox, { name: "renew", label: "Renew", defaultChecked: true }), failed({ renew: "Tick this" }, { other: "x" }));
    expect(unticked).not.toContain('checked=""');
    expect(unticked).toContain('aria-invalid="true"');
    expect(unticked).toContain("Tick this");
    expect(render(createElement(Checkbox, { name: "renew", label: "Renew" }), failed({}, { renew: "on" }))).toContain('checked=""');
  });

  it("is controlled by its parent when given checked", () => {
    const onChange = () => {};
    expect(render(createElement(Checkbox, { name: "understood", label: "I understand", checked: false, onChange }), failed({}, { understood: "on" }))).not.toContain('checked=""');
    expect(render(createElement(Checkbox, { name: "understood", label: "I understand", checked: true, onChange }))).toContain('checked=""');
  });
});
