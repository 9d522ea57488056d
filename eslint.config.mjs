import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/*
 * Layers (docs/decisions/0011-boundaries.md): app/ -> components/ -> lib/<feature>/ -> lib/server/ -> prisma/.
 * Each folder gets one `no-restricted-imports` block; the blocks' `files` never overlap, because a
 * later block would replace (not extend) an earlier block's options for the same file.
 * Import sources are matched as written, so every pattern covers the `@/` alias and relative forms.
 */

/** `@/` or any number of `../`: how a file outside the root reaches a root folder. */
const ROOT = String.raw`^(?:@/|(?:\.\./)+)`;

/** Nothing below app/ imports app/ or components/ (the layers above). */
const noUpperLayers = (from) => ({
  regex: String.raw`${ROOT}(?:app|components)(?:/|$)`,
  message: `${from} sits below app/ and components/ and imports nothing from them.`,
});

/**
 * Modules of lib/<feature>/ that a component may import values from, besides every feature's
 * `actions`, `schemas` (server components only) and `options` (a form's choices): pure code
 * (constants, formatting, rules) that imports nothing from lib/server/ (enforced below). Types may
 * be imported from any module of lib/<feature>/.
 */
const PURE_MODULES = [
  "linking/products",
  "holdings/owner-name",
  "passports/amount",
  "passports/rules",
  "verification/limits",
  "organisations/places",
  "vehicles/contract-summary",
  "messages/render",
  "messages/link",
  "reports/qr",
];

/**
 * Modules of lib/server/ that are pure (no database, no framework, no `server-only`): the shared
 * form fields and the checks and dates they use. Schemas and components may import values from them.
 */
const SERVER_PURE = ["fields", "dates", "plate", "vin"];

/** What a use case, query or pure module of lib/<feature>/ must not import: the framework. */
const frameworkFree = [
  {
    regex: String.raw`^(?:next|next-auth|next-intl|react|react-dom)(?:/.*)?$`,
    message:
      "lib/<feature>/ use cases, queries and pure modules are framework-free: only actions.ts (and lib/accounts/next-auth.ts) may import next, next-auth, next-intl or react.",
  },
  {
    // The framework-bound parts of lib/server/ (they import next/*, next-auth or react).
    regex: String.raw`^(?:@/lib/|(?:\.\./)+(?:lib/)?)server/(?:action|auth|guards|session)$`,
    message:
      "lib/server/{action,auth,guards,session} are framework-bound: a use case receives the actor as an argument, only actions.ts may use them.",
  },
];

/** lib/server/ imports no feature folder; relative forms depend on the importing file's depth. */
function serverBlock(depth) {
  const toLib = String.raw`(?:\.\./){${depth + 1}}`; // from lib/server/<depth dirs>/ up to lib/
  const message = "lib/server/ is the layer below the features: it imports no lib/<feature>/ (nor app/, components/).";
  return {
    files: [`lib/server/${"*/".repeat(depth)}*.{ts,tsx,mts,cts,js,mjs}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: String.raw`^@/(?:app|components)(?:/|$)|^@/lib/(?!server(?:/|$))`, message },
            { regex: String.raw`^${toLib}(?!server(?:/|$)|\.\.(?:/|$))[^/]+`, message },
            { regex: String.raw`^${toLib}\.\./(?:app|components|lib/(?!server(?:/|$)))`, message },
          ],
        },
      ],
    },
  };
}

/**
 * Client modules: `*.client.tsx`, the other files that start with "use client" (but
 * components/ui/toaster.tsx, the one place that loads sonner) and the files only they import. They get the
 * components' rules, and may not import zod or a feature's schemas (which import zod): the browser
 * would be sent the validation library for the sake of a list of choices (decision 0043). The
 * choices a form offers live in lib/<feature>/options.ts. Nor tailwind-merge (`cn`, and the
 * primitives built on it): client modules join classes with clsx (components/ui/classes.ts).
 */
const CLIENT_MODULES = [
  "components/**/*.client.tsx",
  "components/forms/**",
  "components/shell/mobile-nav.tsx",
  "components/shell/nav-badge.tsx",
  "components/passports/leave-guard.tsx",
  "components/passports/contact-fields.tsx",
  "components/passports/item-button.tsx",
  "components/vehicles/vehicle-lookup.tsx",
  "components/ui/alert-dialog.tsx",
  "components/ui/alert.tsx",
  "components/ui/classes.ts",
];

/** components/: no database, no use case; for client modules (`client`) no zod either. */
function componentsBlock(client) {
  return {
    name: client ? "boundaries/components-client" : "boundaries/components",
    files: client ? CLIENT_MODULES : ["components/**/*.{ts,tsx,mts,cts,js,jsx,mjs}"],
    ...(client ? {} : { ignores: CLIENT_MODULES }),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: String.raw`${ROOT}lib/server/(?:db|database)$`,
              message: "Components never touch the database: a page (app/) loads the data, an action (lib/<feature>/actions) changes it.",
            },
            {
              regex: String.raw`${ROOT}lib/server/(?!(?:db|database|${SERVER_PURE.join("|")})$)`,
              allowTypeImports: true,
              message: "Components import only types from lib/server/ (e.g. ActionResult from lib/server/action-types), values only from its pure modules (SERVER_PURE in eslint.config.mjs).",
            },
            {
              regex: String.raw`${ROOT}lib/(?!server/)(?!(?:[^/]+/(?:actions|schemas|options)|${PURE_MODULES.join("|")})$)`,
              allowTypeImports: true,
              message:
                "Components call no use case or query directly: import values only from lib/<feature>/actions, lib/<feature>/schemas, lib/<feature>/options or a pure module listed in eslint.config.mjs (types from anywhere in lib/<feature>/).",
            },
            ...(client
              ? [
                  {
                    regex: String.raw`^zod(?:/|$)|${ROOT}lib/[^/]+/schemas$`,
                    allowTypeImports: true,
                    message: "A client module imports no zod and no schemas (the browser would get zod): take a form's choices from lib/<feature>/options (decision 0043).",
                  },
                  {
                    regex: String.raw`^tailwind-merge$|${ROOT}components/ui/(?:cn|primitives)$|^\.\.?/(?:\.\./)*(?:ui/)?(?:cn|primitives)$`,
                    message: "A client module joins classes with clsx and takes Alert and buttonClass from components/ui/alert and components/ui/classes: tailwind-merge stays out of the browser (decision 0043).",
                  },
                  {
                    regex: String.raw`^sonner$`,
                    allowTypeImports: true,
                    message: "Toasts go through components/ui/toaster (showSuccessToast), which loads sonner when a form first needs it (decision 0043).",
                  },
                ]
              : []),
            {
              regex: String.raw`${ROOT}app(?:/|$)`,
              message: "components/ sits below app/ and imports nothing from it.",
            },
          ],
        },
      ],
    },
  };
}

/**
 * Schemas (`client` false) and the modules client components may import values from (`client`
 * true: the pure modules and lib/<feature>/options): framework-free and no lib/server/ values
 * (types are fine), so that importing them never drags the database into a client bundle. The
 * second kind imports no zod and no schemas either (decision 0043).
 */
function libPureBlock(client) {
  return {
    name: client ? "boundaries/lib-pure-client" : "boundaries/lib-pure",
    files: client ? [...PURE_MODULES.map((m) => `lib/${m}.ts`), "lib/*/options.ts"] : ["lib/*/schemas.ts"],
    ignores: ["lib/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...frameworkFree,
            noUpperLayers("lib/<feature>/"),
            {
              regex: String.raw`^(?:@/lib/|(?:\.\./)+(?:lib/)?)server/(?!(?:${SERVER_PURE.join("|")})$)`,
              allowTypeImports: true,
              message: "Schemas and the pure modules listed in eslint.config.mjs import no values from lib/server/ (components import them).",
            },
            ...(client
              ? [
                  {
                    regex: String.raw`^zod(?:/|$)|(?:^\.\.?/|^@/lib/)(?:[^/]+/)*schemas$|^(?:@/lib/|(?:\.\./)+(?:lib/)?)server/fields$`,
                    allowTypeImports: true,
                    message: "Client components import this module: it imports no zod, no schemas and no lib/server/fields (decision 0043).",
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
}

const boundaries = [
  {
    name: "boundaries/lib-feature",
    files: ["lib/**/*.{ts,tsx,mts,cts,js,mjs}"],
    ignores: ["lib/server/**", "lib/*/actions.ts", "lib/accounts/next-auth.ts", ...PURE_MODULES.map((m) => `lib/${m}.ts`), "lib/*/schemas.ts", "lib/*/options.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...frameworkFree, noUpperLayers("lib/<feature>/")] }],
    },
  },
  libPureBlock(false),
  libPureBlock(true),
  {
    // The framework adapters of a feature: server actions, and the next-auth instance of accounts.
    name: "boundaries/lib-feature-adapters",
    files: ["lib/*/actions.ts", "lib/accounts/next-auth.ts"],
    ignores: ["lib/server/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noUpperLayers("lib/<feature>/")] }],
    },
  },
  ...[0, 1, 2, 3, 4, 5].map((depth) => ({ name: `boundaries/lib-server-${depth}`, ...serverBlock(depth) })),
  componentsBlock(false),
  componentsBlock(true),
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // tests/fixtures/lint/ breaks the rules on purpose: tests/unit/lint-rules.test.ts lints it.
    ignores: [".next/**", ".next-*/**", "node_modules/**", "generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tests/fixtures/lint/**"],
  },
  {
    // The Next plugin's rules find app/ from here, whatever directory ESLint runs in.
    settings: { next: { rootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware rules. A promise is awaited, or explicitly fire-and-forget with a `.catch` that
    // logs (`void` alone does not count: its rejection would still go unhandled). A switch over a
    // union names every member; a `default` does not stand in for a forgotten one.
    name: "type-aware",
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: false }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
    },
  },
  ...boundaries,
  {
    // Every spec runs its pages through axe (tests/e2e/fixtures.ts, decision 0040).
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: 'Import test and expect from "./fixtures": its automatic fixture checks every page with axe.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
