// `tsx test/bench/profile.ts <operation> [library] [runs]`: runs one operation of one library (default
// dynamodel) on the library-only stub client under the V8 CPU profiler (node:inspector, the same
// profiler as --cpu-prof) and prints the functions with the most self time, with their files.
// `--lib` shows only dynamodel's own functions (dist/, or lib/ when run from the sources); `--save`
// also writes .bench-results/<library>-<operation>.cpuprofile for DevTools.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session, type Profiler, type Runtime } from "node:inspector";
import { OPERATIONS, type Operation } from "./adapters/types";
import { cannedOutputs } from "./fixtures";
import { libraryFactories } from "./libraries";
import { createStubClient } from "./stub-client";

const root = join(__dirname, "..", "..");

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

function location(frame: Runtime.CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, "");
  const short = url.includes("node_modules/")
    ? url.slice(url.lastIndexOf("node_modules/") + "node_modules/".length)
    : url.replace(`${root}/`, "");
  return `${short || "(native)"}:${frame.lineNumber + 1}`;
}

/** Self time per function, in ms, largest first. */
export function selfTimes(profile: Profiler.Profile): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples?.forEach((id, index) => {
    const frame = nodes.get(id)!.callFrame;
    const key = `${frame.functionName || "(anonymous)"}  ${location(frame)}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const [operation = "getItem", libraryName = "dynamodel", runsText = "5000"] = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith("--"));
  if (!OPERATIONS.includes(operation as Operation))
    throw new Error(`operation: one of ${OPERATIONS.join(", ")}`);
  const stub = createStubClient(cannedOutputs);
  const library = libraryFactories
    .map((make) => make(stub))
    .find((candidate) => candidate.name === libraryName);
  if (!library) throw new Error(`unknown library ${libraryName}`);
  const run = library.operations[operation as Operation];
  for (let index = 0; index < 500; index += 1) await run(index);
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 100 });
  await post(session, "Profiler.start");
  const runs = Number(runsText);
  for (let index = 0; index < runs; index += 1) await run(index);
  const { profile } = await post<{ profile: Profiler.Profile }>(session, "Profiler.stop");
  session.disconnect();
  const times = selfTimes(profile);
  const total = times.reduce((sum, [, millis]) => sum + millis, 0);
  console.log(
    `${library.name} ${operation}: ${runs} runs, ${((total / runs) * 1000).toFixed(0)} µs sampled per run`,
  );
  const own = times
    .filter(([name]) => / (lib|dist)\//.test(name))
    .reduce((sum, [, millis]) => sum + millis, 0);
  console.log(`dynamodel's own functions (self time): ${((own / runs) * 1000).toFixed(0)} µs per run`);
  const shown = process.argv.includes("--lib") ? times.filter(([name]) => / (lib|dist)\//.test(name)) : times;
  for (const [name, millis] of shown.slice(0, 30))
    console.log(
      `${((millis / total) * 100).toFixed(1).padStart(5)}%  ${((millis / runs) * 1000).toFixed(1).padStart(6)} µs  ${name}`,
    );
  if (process.argv.includes("--save")) {
    mkdirSync(join(root, ".bench-results"), { recursive: true });
    writeFileSync(
      join(root, ".bench-results", `${libraryName}-${operation}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
