// `npm run bench [-- --quick] [-- --only=library,sdk,heap,bundle,cold,local]`: every layer of the
// benchmark, each in a fresh process, printed as Markdown and saved to .bench-results/latest.md.
//   library  library-only layer: all operations, all libraries, on a client stopped at its build step
//   sdk      full-SDK layer: get, put, query with canned HTTP responses
//   heap     heap per hydrated item (100,000 items)
//   bundle   esbuild min+gzip of a define-a-model-and-get file
//   cold     cold start of a fresh node process
//   local    DynamoDB Local end to end (needs Java 17+)
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const layers: Record<string, string> = {
  library: "library-layer.ts",
  sdk: "sdk-layer.ts",
  heap: "heap.ts",
  bundle: "bundle.ts",
  cold: "cold-start.ts",
  local: "local-layer.ts",
};

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Bundle size and cold start measure the built package: rebuild it when lib/ is newer. */
function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(root, "dist", "index.mjs")).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= newestMtime(join(root, "lib"))) return;
  process.stderr.write("dist/ is older than lib/: building\n");
  const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

function main(): void {
  const quick = process.argv.includes("--quick");
  const only = process.argv
    .find((arg) => arg.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const selected = only ?? Object.keys(layers);
  const unknown = selected.filter((name) => !(name in layers));
  if (unknown.length > 0)
    throw new Error(`unknown layer(s) ${unknown.join(", ")}; known: ${Object.keys(layers).join(", ")}`);
  if (selected.includes("bundle") || selected.includes("cold")) ensureBuilt();
  const machine = `node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown"})`;
  const sections = [`Machine: ${machine}${quick ? "; --quick" : ""}`];
  console.log(sections[0]);
  let failed = 0;
  for (const name of selected) {
    process.stderr.write(`\n> ${name}\n`);
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", join(__dirname, layers[name]!), ...(quick ? ["--quick"] : [])],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const output = child.stdout.trim();
    if (child.status === 0) sections.push(output);
    else {
      failed += 1;
      sections.push(`### ${name}: FAILED (exit ${child.status})\n\n${output}`);
    }
    console.log(`\n${sections[sections.length - 1]}`);
  }
  mkdirSync(join(root, ".bench-results"), { recursive: true });
  writeFileSync(join(root, ".bench-results", "latest.md"), `${sections.join("\n\n")}\n`);
  if (failed > 0) process.exitCode = 1;
}

main();
