// Module resolution for the crash test's child process (tests/support/crash-child.ts): "server-only"
// resolves to an empty module, as vitest's alias does for the tests (vitest.config.ts).
const EMPTY = "data:text/javascript,export {};";

export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: EMPTY, shortCircuit: true };
  return next(specifier, context);
}
