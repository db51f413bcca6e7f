/** @jest-config-loader esbuild-register */
import type { Config } from "jest";

// The AWS SDK warns once per process that its releases after the first week of January 2027 need Node 22
// (README explains it). Each test worker would print it: tests set it aside, as a user may (the workers
// inherit this environment). Set the variable to "false" to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Tests import the library as users do ("dynamodel", "dynamodel/local", Dynamoose's "…/dist/Item"), mapped
// to the sources (dist/Item re-exports the main entry's Item, so it maps to the main entry).
const shared = {
  preset: "ts-jest",
  testEnvironment: "node",
  moduleNameMapper: {
    "^dynamodel$": "<rootDir>/lib/index.ts",
    "^dynamodel/local$": "<rootDir>/lib/local.ts",
    "^dynamodel/dist/(Item|Schema|General|ItemRetriever|Transaction|Condition)$": "<rootDir>/lib/index.ts",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
} satisfies Config;

const config: Config = {
  // Integration tests talk to a real server and the package check packs and runs node: be generous.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    {
      ...shared,
      displayName: "integration",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts", "<rootDir>/test/docs/**/*.test.ts"],
      // One DynamoDB Local for the whole run, started through the project's own `dynamodel/local`.
      globalSetup: "<rootDir>/test/support/global-setup.ts",
      globalTeardown: "<rootDir>/test/support/global-teardown.ts",
    },
    {
      ...shared,
      displayName: "package",
      testMatch: ["<rootDir>/test/package/**/*.test.ts"],
    },
  ],
};

export default config;
