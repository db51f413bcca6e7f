// The performance budget of issue 10 for the library-only layer: dynamodel's median ratio to the raw
// SDK per operation, and dynamodel faster than every peer on every operation.
import type { OperationResult } from "./harness";

const limits: Record<string, number> = {
  putItem: 1.15,
  getItem: 1.15,
  updateItem: 1.15,
  transactWrite: 1.15,
  query: 0.9,
  scan: 0.9,
  batchPut: 1.1,
};

const SUBJECT = "dynamodel";
const NOT_PEERS = new Set(["raw SDK", SUBJECT]);

export interface BudgetLine {
  text: string;
  met: boolean;
}

export function checkBudget(results: OperationResult[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const result of results) {
    const ours = result.ratios[SUBJECT];
    const limit = limits[result.operation];
    if (!ours || limit === undefined) continue;
    const slower = Object.entries(result.ratios)
      .filter(([name, ratio]) => !NOT_PEERS.has(name) && ratio.median <= ours.median)
      .map(([name, ratio]) => `${name} ${ratio.median.toFixed(2)}×`);
    const withinLimit = ours.median <= limit;
    lines.push({
      met: withinLimit && slower.length === 0,
      text:
        `${result.operation}: ${ours.median.toFixed(2)}× (budget ≤ ${limit}×: ${withinLimit ? "met" : "MISSED"}); ` +
        (slower.length === 0 ? "faster than every peer" : `NOT faster than ${slower.join(", ")}`),
    });
  }
  return lines;
}

export function formatBudget(lines: BudgetLine[]): string {
  return lines.map((line) => `- ${line.met ? "✓" : "✗"} ${line.text}`).join("\n");
}
