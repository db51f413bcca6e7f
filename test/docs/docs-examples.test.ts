import { join } from "node:path";
import { collectDocsPages, runPage } from "./run-examples";
import { connectDocsExamples } from "./connect";

const root = join(__dirname, "../..");
const pages = collectDocsPages(join(root, "docs"), root).filter((page) => page.blocks.length > 0);

describe("documentation examples", () => {
  it("finds runnable examples", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages.map((page) => [page.file, page] as const))("%s runs", async (_file, page) => {
    const logged: unknown[][] = [];
    const record = (...args: unknown[]) => void logged.push(args);
    await connectDocsExamples(page.file);
    await runPage(page, {
      require: (specifier: string) => require(specifier),
      console: { log: record, info: record, warn: record, error: record, table: record },
    });
  });
});
