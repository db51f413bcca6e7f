// Runs the documentation's examples as tests. A ```ts block whose info string says `runnable`
// (```ts runnable) is executed; the runnable blocks of one page run in order as one program, so a
// later block can use what an earlier one defined. Examples import "dynamodel" as users do; before a
// page runs, the default instance is pointed at the test run's DynamoDB Local.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface RunnableBlock {
  /** 1-based line of the opening fence in the page. */
  line: number;
  code: string;
}

export interface DocsPage {
  file: string;
  blocks: RunnableBlock[];
}

const FENCE = /^```(\S*)\s*(.*)$/;

/** Extracts the runnable TypeScript blocks of a markdown text. */
export function extractRunnableBlocks(markdown: string): RunnableBlock[] {
  const blocks: RunnableBlock[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const fence = FENCE.exec(lines[index]!);
    if (!fence) continue;
    const end = lines.findIndex((line, at) => at > index && line.startsWith("```"));
    if (end === -1) break;
    const language = fence[1]!;
    const flags = fence[2]!.split(/\s+/);
    if ((language === "ts" || language === "typescript") && flags.includes("runnable")) {
      blocks.push({ line: index + 1, code: lines.slice(index + 1, end).join("\n") });
    }
    index = end;
  }
  return blocks;
}

/** Every page under `docsDirectory` (recursively, except examples/) with its runnable blocks. */
export function collectDocsPages(docsDirectory: string, root: string): DocsPage[] {
  const pages: DocsPage[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== "examples") walk(path);
      else if (entry.name.endsWith(".md")) {
        pages.push({ file: relative(root, path), blocks: extractRunnableBlocks(readFileSync(path, "utf8")) });
      }
    }
  };
  walk(docsDirectory);
  return pages.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Turns a page's blocks into one CommonJS program inside an async function (examples use top-level
 * await). Each block first records which block is running, so a failure names its block and line.
 */
export function compilePage(page: DocsPage): string {
  const source = page.blocks.map((block) => `__enterBlock(${block.line});\n${block.code}`).join("\n;\n");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: page.file.replace(/\.md$/, ".ts"),
  });
  return `return (async () => {\n${outputText}\n})();`;
}

export interface PageRuntime {
  require: (specifier: string) => unknown;
  console: Pick<Console, "log" | "info" | "warn" | "error" | "table">;
}

/** Executes a compiled page; rejects with an error that names the page, block line and cause. */
export async function runPage(page: DocsPage, runtime: PageRuntime): Promise<void> {
  let currentLine = 0;
  const program = new Function(
    "require",
    "exports",
    "module",
    "console",
    "__enterBlock",
    compilePage(page),
  ) as (...args: unknown[]) => Promise<void>;
  const moduleObject = { exports: {} };
  try {
    await program(runtime.require, moduleObject.exports, moduleObject, runtime.console, (line: number) => {
      currentLine = line;
    });
  } catch (error) {
    const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`${page.file}, example at line ${currentLine}: ${cause}`, { cause: error });
  }
}
