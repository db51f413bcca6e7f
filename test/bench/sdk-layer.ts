// The full-SDK layer: get, put and query with the SDK's whole stack (serialization, signing, retry,
// JSON deserialization) on canned HTTP responses (http-client.ts). Verified like the library layer.
import type { Operation } from "./adapters/types";
import { cannedOutputs } from "./fixtures";
import { formatResults } from "./harness";
import { createHttpClient } from "./http-client";
import { libraryFactories, measureLibraries, measureOptions } from "./libraries";
import { verifyOperation } from "./verify";

const operations: Operation[] = ["putItem", "getItem", "query"];

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const http = createHttpClient(cannedOutputs);
  const libraries = libraryFactories.map((make) => make(http));
  for (const library of libraries)
    for (const operation of operations) await verifyOperation(http, library, operation);
  process.stderr.write(
    `full-SDK layer: ${libraries.length} libraries verified on ${operations.length} operations\n`,
  );
  const results = await measureLibraries(libraries, operations, measureOptions(quick));
  console.log("### Full-SDK layer (µs of CPU per operation; ratio to the raw SDK: median, min–max)\n");
  console.log(formatResults(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
