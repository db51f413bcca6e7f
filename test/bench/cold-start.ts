// Cold start: wall time of a fresh `node` process that imports dynamodel's build and defines the
// bench's model, against one that imports the raw SDK; both create a client. Interleaved runs,
// median (and min–max) of each.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median } from "./harness";

export interface ColdStart {
  raw: number[];
  dynamodel: number[];
}

function runOnce(script: string): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(__dirname, "cold-start", script)], {
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  const millis = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${script} failed:\n${child.stderr}`);
  return millis;
}

export function measureColdStart(runs = 10): ColdStart {
  runOnce("raw.mjs"); // fills the file system cache for both
  runOnce("dynamodel.mjs");
  const result: ColdStart = { raw: [], dynamodel: [] };
  for (let run = 0; run < runs; run += 1) {
    const first = run % 2 === 0 ? "raw" : "dynamodel";
    const second = first === "raw" ? "dynamodel" : "raw";
    result[first].push(runOnce(`${first}.mjs`));
    result[second].push(runOnce(`${second}.mjs`));
  }
  return result;
}

export function formatColdStart({ raw, dynamodel }: ColdStart): string {
  const cell = (values: number[]) =>
    `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
  const extra = median(dynamodel) - median(raw);
  return [
    "| raw SDK | dynamodel | difference (budget ≤ +15 ms) |",
    "| ---: | ---: | --- |",
    `| ${cell(raw)} | ${cell(dynamodel)} | +${extra.toFixed(1)} ms (${extra <= 15 ? "met" : "MISSED"}) |`,
  ].join("\n");
}

if (require.main === module) {
  // `--rounds=40` for the steadier paired runs docs/performance.md quotes (run from a shell).
  const rounds = process.argv.find((argument) => argument.startsWith("--rounds="))?.slice("--rounds=".length);
  const result = measureColdStart(rounds ? Number(rounds) : process.argv.includes("--quick") ? 4 : 10);
  console.log("### Cold start (fresh node process: import, create a client, define the model)\n");
  console.log(formatColdStart(result));
}
