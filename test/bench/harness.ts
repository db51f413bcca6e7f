// Paired, interleaved CPU measurement: each round runs every adapter of an operation once (in a
// rotated order, so none always goes first), measures process CPU time per adapter, and records the
// ratio of each adapter to the baseline within the same round. The report gives the median ratio with
// its min–max, so machine noise hits both sides of a ratio alike.

export interface Adapter {
  name: string;
  /** One operation; resolves when done. */
  run(iteration: number): Promise<unknown>;
}

export interface OperationResult {
  operation: string;
  baseline: string;
  microsPerOp: Record<string, number>;
  ratios: Record<string, { median: number; min: number; max: number }>;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeBatch(adapter: Adapter, iterations: number, offset: number): Promise<number> {
  const start = cpuMicros();
  for (let index = 0; index < iterations; index += 1) await adapter.run(offset + index);
  return (cpuMicros() - start) / iterations;
}

export async function measure(
  operation: string,
  adapters: Adapter[],
  { rounds = 15, iterations = 400, warmup = 300 } = {},
): Promise<OperationResult> {
  for (const adapter of adapters) for (let index = 0; index < warmup; index += 1) await adapter.run(index);
  const perRound: Record<string, number[]> = Object.fromEntries(
    adapters.map((adapter) => [adapter.name, []]),
  );
  for (let round = 0; round < rounds; round += 1) {
    const order = adapters.map((_, index) => adapters[(index + round) % adapters.length]!);
    for (const adapter of order)
      perRound[adapter.name]!.push(await timeBatch(adapter, iterations, round * iterations));
  }
  const baseline = adapters[0]!.name;
  const ratios: OperationResult["ratios"] = {};
  const microsPerOp: Record<string, number> = {};
  for (const adapter of adapters) {
    const paired = perRound[adapter.name]!.map((value, round) => value / perRound[baseline]![round]!);
    ratios[adapter.name] = { median: median(paired), min: Math.min(...paired), max: Math.max(...paired) };
    microsPerOp[adapter.name] = median(perRound[adapter.name]!);
  }
  return { operation, baseline, microsPerOp, ratios };
}

export function formatResults(results: OperationResult[]): string {
  const lines = [
    "| operation | adapter | µs CPU / op | ratio vs raw SDK (median, min–max) |",
    "| --- | --- | ---: | --- |",
  ];
  for (const result of results) {
    for (const [name, ratio] of Object.entries(result.ratios)) {
      lines.push(
        `| ${result.operation} | ${name} | ${result.microsPerOp[name]!.toFixed(1)} | ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}) |`,
      );
    }
  }
  return lines.join("\n");
}
