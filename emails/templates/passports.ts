import type { TemplateDef } from "../index";

/** E-mails of the AutoPaspoort feature (texts under emails.<name> in messages/<locale>/passports.json). */
export const PASSPORT_TEMPLATES = {} satisfies Record<string, TemplateDef>;
