// `node --import tsx --import ./tests/support/child-loader.mjs script.ts`: see child-hooks.mjs.
import { register } from "node:module";

register("./child-hooks.mjs", import.meta.url);
