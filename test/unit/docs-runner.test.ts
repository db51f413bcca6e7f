import { compilePage, extractRunnableBlocks, runPage } from "../docs/run-examples";

const page = [
  "# Title",
  "```ts",
  "not runnable",
  "```",
  "```ts runnable",
  "const answer = 40;",
  "```",
  "text",
  "```ts runnable",
  "const total: number = answer + 2;",
  "check(total);",
  "```",
].join("\n");

describe("docs example runner", () => {
  it("extracts only blocks marked runnable, with their lines", () => {
    expect(extractRunnableBlocks(page)).toEqual([
      { line: 5, code: "const answer = 40;" },
      { line: 9, code: "const total: number = answer + 2;\ncheck(total);" },
    ]);
  });

  it("runs a page's blocks in order as one program", async () => {
    const seen: unknown[] = [];
    const blocks = extractRunnableBlocks(page.replace("check(total);", "console.log(total);"));
    await runPage(
      { file: "docs/x.md", blocks },
      { require: () => ({}), console: { ...console, log: (value: unknown) => seen.push(value) } },
    );
    expect(seen).toEqual([42]);
  });

  it("names the page and the block's line when an example fails", async () => {
    const blocks = extractRunnableBlocks(page);
    await expect(runPage({ file: "docs/x.md", blocks }, { require: () => ({}), console })).rejects.toThrow(
      "docs/x.md, example at line 9: ReferenceError: check is not defined",
    );
  });

  it("supports top-level await and imports", async () => {
    const blocks = extractRunnableBlocks(
      '```ts runnable\nimport assert from "node:assert/strict";\nassert.equal(await Promise.resolve(3), 3);\n```',
    );
    expect(compilePage({ file: "docs/y.md", blocks })).toContain('require("node:assert/strict")');
    await expect(
      runPage({ file: "docs/y.md", blocks }, { require: (name) => require(name), console }),
    ).resolves.toBeUndefined();
  });
});
