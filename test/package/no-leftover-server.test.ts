// Proves the harness leaves no DynamoDB Local behind after a test run, also when a test fails.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scratchDirectory } from "../support/scratch-directory";

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test("a failing run stops its DynamoDB Local", () => {
  const pidFile = join(scratchDirectory("leftover-"), "pid");
  const run = spawnSync("npx", ["jest", "--config", "test/package/fixtures/leftover/jest.config.js"], {
    env: { ...process.env, LEFTOVER_PID_FILE: pidFile },
    encoding: "utf8",
  });
  expect(run.stderr).toContain("deliberate failure");
  expect(run.status).not.toBe(0);
  const pid = Number(readFileSync(pidFile, "utf8"));
  expect(pid).toBeGreaterThan(0);
  expect(processIsAlive(pid)).toBe(false);
});
