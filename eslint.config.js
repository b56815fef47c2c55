// Lint configuration for the whole repository. Formatting is Prettier's job
// (eslint-config-prettier turns off the rules it owns); the layering rules
// live in eslint/layering.js.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { layering } from "./eslint/layering.js";
import { archboardPlugin } from "./eslint/workspace-boundary.js";

const root = import.meta.dirname;

export default defineConfig(
  {
    name: "archboard/ignores",
    ignores: [
      "**/node_modules/",
      "**/dist/",
      "apps/web/public/fonts/",
      "data/",
      "test-results/",
      "playwright-report/",
      "tests/e2e/.artifacts/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: "archboard/typescript",
    languageOptions: {
      parserOptions: {
        // Each file is checked against the tsconfig.json nearest to it; the few
        // build files outside every tsconfig get a default project.
        projectService: {
          allowDefaultProject: [
            "*.js",
            "eslint/*.js",
            "packages/diagram-lint/bin/*.js",
            "vite.config.ts",
            "apps/web/build/*.ts",
          ],
        },
        tsconfigRootDir: root,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a parameter that an interface requires but this implementation ignores.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
      // React ignores what an event handler returns, so an async onClick is fine; promises passed
      // anywhere else that expects a void callback are still reported.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // `async` without `await` is deliberate here: it implements a promise-returning interface
      // (the room store, authorization hooks) over synchronous code and turns a throw into a rejection.
      "@typescript-eslint/require-await": "off",
      // Callbacks and store actions are declared as properties: TypeScript then checks their parameters
      // strictly (method parameters are bivariant), and unbound-method knows they need no `this`.
      "@typescript-eslint/method-signature-style": ["error", "property"],
    },
  },
  {
    name: "archboard/javascript",
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    name: "archboard/web",
    files: ["apps/web/src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat["recommended-latest"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: "archboard/web-rules",
    files: ["apps/web/src/**/*.{ts,tsx}"],
    rules: { "react-hooks/exhaustive-deps": "error" },
  },
  {
    // Excalidraw 0.18's published types re-export its export helpers and point types from packages it
    // does not publish, so they reach the app as `any`, and so do Vite's plugin hooks. Here the
    // no-unsafe-* rules would report the libraries' typings, not our code; `no-explicit-any` still
    // keeps `any` out of what we write.
    name: "archboard/library-any",
    files: ["apps/web/**/*.{ts,tsx}", "vite.config.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Tests read fields of the element records they build without restating Excalidraw's types, and
    // Vitest's asymmetric matchers (`expect.any`) are `any` by design; a wrong field fails the test.
    name: "archboard/tests",
    files: ["**/*.test.ts", "tests/e2e/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // Playwright reads a fixture's dependencies from its first parameter, so a fixture that needs
      // none must still destructure an empty object.
      "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }],
    },
  },
  layering(archboardPlugin),
  prettier,
);
