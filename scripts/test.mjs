#!/usr/bin/env node
// `npm test`: build, type check, lint, then jest (unit, integration with DynamoDB Local, the package
// check and the docs examples). Every step runs even when an earlier one fails, so one run shows
// everything that is wrong. Ends with one line: "N passed, M failed" (jest's tests plus the steps).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

// The AWS SDK warns on every process that Node 20 support ends in 2027; the lock file pins a
// supporting version, so in test output the warning is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const resultsFile = ".test-results/jest.json";
const steps = [
  ["build", "npm", ["run", "--silent", "build"]],
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", "npm", ["run", "--silent", "lint"]],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n> ${name}`);
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`step "${name}" failed (exit ${status})`);
  }
}

console.log("\n> jest");
mkdirSync(".test-results", { recursive: true });
rmSync(resultsFile, { force: true });
const jestArgs = ["jest", "--json", `--outputFile=${resultsFile}`, ...process.argv.slice(2)];
const jest = spawnSync("npx", jestArgs, { stdio: "inherit" });
try {
  const results = JSON.parse(readFileSync(resultsFile, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load has no failed tests of its own, but it is a failure.
  failed += results.numRuntimeErrorTestSuites;
} catch {
  failed += 1;
  console.log(`jest wrote no results (exit ${jest.status})`);
}
if (jest.status !== 0 && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
