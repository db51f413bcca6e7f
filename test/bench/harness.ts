// Paired, interleaved CPU measurement: each round runs every adapter of an operation once (in a
// rotated order, so none always goes first), measures process CPU time per adapter, and records the
// ratio of each adapter to the baseline within the same round. The report gives the median ratio with
// its min–max, so machine noise hits both sides of a ratio alike. Each adapter's batch size is
// calibrated during warm-up so that every batch takes about the same time, whatever the library costs.

export interface Adapter {
  name: string;
  /** One operation; resolves when done. */
  run(iteration: number): Promise<unknown>;
}

export interface Ratio {
  median: number;
  min: number;
  max: number;
}

export interface OperationResult {
  operation: string;
  baseline: string;
  microsPerOp: Record<string, number>;
  ratios: Record<string, Ratio>;
}

export interface MeasureOptions {
  rounds?: number;
  /** CPU time to aim at per adapter per round, in milliseconds. */
  batchMillis?: number;
  /** Warm-up per adapter, in milliseconds of CPU (and at least 50 runs). */
  warmupMillis?: number;
}

export function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeBatch(adapter: Adapter, iterations: number, offset: number): Promise<number> {
  const start = cpuMicros();
  for (let index = 0; index < iterations; index += 1) await adapter.run(offset + index);
  return (cpuMicros() - start) / iterations;
}

/** Warms an adapter up and returns how many runs fill one batch. */
async function calibrate(adapter: Adapter, warmupMillis: number, batchMillis: number): Promise<number> {
  const start = cpuMicros();
  let runs = 0;
  while (runs < 50 || cpuMicros() - start < warmupMillis * 1000) {
    await adapter.run(runs);
    runs += 1;
  }
  const perRun = await timeBatch(adapter, Math.max(10, Math.ceil(runs / 10)), runs);
  return Math.min(5000, Math.max(5, Math.round((batchMillis * 1000) / Math.max(perRun, 1))));
}

export async function measure(
  operation: string,
  adapters: Adapter[],
  { rounds = 15, batchMillis = 60, warmupMillis = 300 }: MeasureOptions = {},
): Promise<OperationResult> {
  const iterations = new Map<string, number>();
  for (const adapter of adapters)
    iterations.set(adapter.name, await calibrate(adapter, warmupMillis, batchMillis));
  const perRound: Record<string, number[]> = Object.fromEntries(
    adapters.map((adapter) => [adapter.name, []]),
  );
  for (let round = 0; round < rounds; round += 1) {
    const order = adapters.map((_, index) => adapters[(index + round) % adapters.length]!);
    for (const adapter of order) {
      const count = iterations.get(adapter.name)!;
      perRound[adapter.name]!.push(await timeBatch(adapter, count, round * count));
    }
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

export const formatRatio = (ratio: Ratio): string =>
  `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`;

/** One row per operation, one column per adapter: µs of CPU per operation and the paired ratio. */
export function formatResults(results: OperationResult[]): string {
  const names = Object.keys(results[0]?.ratios ?? {});
  const lines = [`| operation | ${names.join(" | ")} |`, `| --- | ${names.map(() => "---:").join(" | ")} |`];
  for (const result of results) {
    const cells = names.map((name) => {
      const micros = `${result.microsPerOp[name]!.toFixed(0)} µs`;
      return name === result.baseline ? micros : `${micros}, ${formatRatio(result.ratios[name]!)}`;
    });
    lines.push(`| ${result.operation} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
