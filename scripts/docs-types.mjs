#!/usr/bin/env node
// Writes every page's runnable docs examples to test/types/docs/<page>.ts, so `npm run typecheck`
// type-checks them as written (the docs runner only executes them). Per page: imports hoisted, the rest
// inside one async function, blocks in order, as the runner executes them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const docs = "docs";
const out = "test/types/docs";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const file of readdirSync(docs).filter((name) => name.endsWith(".md"))) {
  const markdown = readFileSync(join(docs, file), "utf8");
  const blocks = [
    ...markdown.matchAll(/^```(?:ts|typescript)[ \t]+[^\n]*\brunnable\b[^\n]*\n([\s\S]*?)^```/gm),
  ].map((match) => match[1]);
  if (blocks.length === 0) continue;
  const lines = blocks.join("\n").split("\n");
  const imports = lines.filter((line) => /^import\s/.test(line));
  const body = lines.filter((line) => !/^import\s/.test(line));
  const name = basename(file, ".md").replace(/[^a-z0-9]+/gi, "_");
  writeFileSync(
    join(out, `${name}.ts`),
    [
      `// Generated from docs/${file} by scripts/docs-types.mjs: do not edit.`,
      ...imports,
      `export async function example_${name}(): Promise<void> {`,
      ...body,
      "}",
      "",
    ].join("\n"),
  );
}
