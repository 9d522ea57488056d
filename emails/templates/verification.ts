import type { TemplateDef } from "../index";

/** E-mails of self-registration (texts under emails.<name> in messages/<locale>/verification.json). */
export const VERIFICATION_TEMPLATES = {} satisfies Record<string, TemplateDef>;
