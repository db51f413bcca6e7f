// Heap per hydrated item: dynamodel against raw unmarshall, each measured in fresh processes (three
// each, alternating) and reported as the median.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { median } from "./harness";

export interface HeapResult {
  raw: number;
  dynamodel: number;
  ratio: number;
}

function measureOnce(library: string): number {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(__dirname, "heap-child.ts"), library],
    { encoding: "utf8", env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } },
  );
  if (child.status !== 0) throw new Error(`heap-child ${library} failed:\n${child.stderr}`);
  return (JSON.parse(child.stdout) as { bytesPerItem: number }).bytesPerItem;
}

export function measureHeap(runs = 3): HeapResult {
  const raw: number[] = [];
  const ours: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    raw.push(measureOnce("raw"));
    ours.push(measureOnce("dynamodel"));
  }
  const result = { raw: median(raw), dynamodel: median(ours), ratio: 0 };
  result.ratio = result.dynamodel / result.raw;
  return result;
}

if (require.main === module) {
  const result = measureHeap(process.argv.includes("--quick") ? 1 : 3);
  console.log("### Heap per hydrated item (100,000 items kept)\n");
  console.log("| raw SDK (unmarshall) | dynamodel | ratio (budget ≤ 1.1×) |");
  console.log("| ---: | ---: | --- |");
  const verdict = result.ratio <= 1.1 ? "met" : "MISSED";
  console.log(
    `| ${result.raw.toFixed(0)} B | ${result.dynamodel.toFixed(0)} B | ${result.ratio.toFixed(2)}× (${verdict}) |`,
  );
}
