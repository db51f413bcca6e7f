// The libraries under test, in the order of the tables (the raw SDK first: it is every ratio's
// baseline), and how one layer measures them.
import { documentClientLibrary } from "./adapters/document-client";
import { dynamodelLibrary } from "./adapters/dynamodel";
import { dynamooseLibrary } from "./adapters/dynamoose";
import { electroLibrary } from "./adapters/electrodb";
import { rawLibrary } from "./adapters/raw";
import { toolboxLibrary } from "./adapters/toolbox";
import type { Clients, Library, Operation } from "./adapters/types";
import { measure, type MeasureOptions, type OperationResult } from "./harness";

/** The raw SDK first: it is the baseline of every ratio. */
export const libraryFactories: ((clients: Clients) => Library)[] = [
  rawLibrary,
  dynamodelLibrary,
  documentClientLibrary,
  toolboxLibrary,
  electroLibrary,
  dynamooseLibrary,
];

export async function measureLibraries(
  libraries: Library[],
  operations: readonly Operation[],
  options: MeasureOptions,
): Promise<OperationResult[]> {
  const results: OperationResult[] = [];
  for (const operation of operations) {
    const adapters = libraries.map((library) => ({ name: library.name, run: library.operations[operation] }));
    results.push(await measure(operation, adapters, options));
    process.stderr.write(`  measured ${operation}\n`);
  }
  return results;
}

export const measureOptions = (quick: boolean): MeasureOptions =>
  quick
    ? { rounds: 5, batchMillis: 25, warmupMillis: 150 }
    : { rounds: 21, batchMillis: 60, warmupMillis: 400 };
