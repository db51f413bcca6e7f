// The library-only layer: every library on one real SDK client short-circuited at its build step
// (stub-client.ts) with canned outputs. Every adapter is verified first, then each operation is
// measured with all libraries interleaved (harness.ts).
import { OPERATIONS } from "./adapters/types";
import { checkBudget, formatBudget } from "./budget";
import { cannedOutputs } from "./fixtures";
import { formatResults } from "./harness";
import { libraryFactories, measureLibraries, measureOptions } from "./libraries";
import { createStubClient } from "./stub-client";
import { verifyAll } from "./verify";

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const stub = createStubClient(cannedOutputs);
  const libraries = libraryFactories.map((make) => make(stub));
  await verifyAll(stub, libraries);
  process.stderr.write(
    `library-only layer: ${libraries.length} libraries verified on ${OPERATIONS.length} operations\n`,
  );
  const results = await measureLibraries(libraries, OPERATIONS, measureOptions(quick));
  console.log("### Library-only layer (µs of CPU per operation; ratio to the raw SDK: median, min–max)\n");
  console.log(formatResults(results));
  console.log("\nBudget:\n");
  console.log(formatBudget(checkBudget(results)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
