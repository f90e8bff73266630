// ESLint 9 flat config: Next's own rules (core web vitals, React, hooks, a11y, import) and
// typescript-eslint's type-aware recommended set. `npm run lint` runs it; `npm test` too.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    // Generated (Prisma client, Next build output, next-env.d.ts) and data, never edited by hand.
    "lib/generated/**",
    ".next/**",
    "next-env.d.ts",
    ".data/**",
    "media/**",
    "bench-results/**",
    "backups/**",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    ".test-results/**",
    "screenshots/**",
  ]),
  // A disable comment that no longer suppresses anything is an error, so none outlive their reason.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  ...nextVitals,
  ...nextTs,

  // Type-aware rules for every TypeScript file, typed through the project's tsconfig.json.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.mts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused names are errors, except the `_`-prefixed ones we keep on purpose (ignored
      // destructured fields, unused callback parameters).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Async by contract, not by body: Next's generateStaticParams, headers/rewrites/redirects,
      // instrumentation's onRequestError, next-auth callbacks, server actions and test doubles
      // for async interfaces (32 reports, none a bug). Removing `async` would change their types.
      "@typescript-eslint/require-await": "off",
      // JSX event props take fire-and-forget async handlers (`onClick={() => signIn(...)}`), the
      // React pattern; React ignores the returned promise (2 reports). Promises passed where a
      // void callback is expected elsewhere (setTimeout, listeners) and in conditions stay errors.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },

  // Tests read untyped JSON (`await res.json()`, `JSON.parse`, child-process messages) and
  // assert on its fields: the assertion is the check, and a wrong shape fails the test. Typing
  // every response in a test would only restate the schema under test.
  {
    files: ["tests/**", "e2e/**", "e2e-multi/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },

  // Links come from components/ui/Link (no viewport prefetching by default, see there).
  {
    files: ["app/**", "components/**"],
    ignores: ["components/ui/Link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use @/components/ui/Link (no viewport prefetching)." }] }] },
  },

  // CommonJS files load their dependencies with require(): it is the only way there.
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },

  // Plain JavaScript (scripts/*.mjs, lib/cache/*.mjs, postcss config) is not in the TypeScript
  // program (allowJs is off): no type information, so no type-aware rules there.
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
