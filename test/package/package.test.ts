// The built package: both entry points in both module formats, loadable as users load them,
// with types that @arethetypeswrong/cli accepts. `npm test` builds dist/ before jest runs.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");

describe("dist/", () => {
  it.each(["index", "local"])("holds ESM, CommonJS and declarations for %s", (entry) => {
    for (const extension of ["mjs", "cjs", "d.mts", "d.cts"]) {
      expect(existsSync(join(root, "dist", `${entry}.${extension}`))).toBe(true);
    }
  });

  it("declares only the three runtime dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      "@aws-sdk/client-dynamodb",
      "@aws-sdk/util-dynamodb",
      "eventemitter3",
    ]);
    expect(pkg.sideEffects).toBe(false);
  });
});

describe("loading the built package", () => {
  const node = (args: string[]) => execFileSync("node", args, { cwd: root, encoding: "utf8" }).trim();

  it("works with require()", () => {
    const out = node([
      "-e",
      `const d = require("dynamodel"); const l = require("dynamodel/local");
       console.log(typeof d.default, typeof d.ValidationError, typeof l.startLocal)`,
    ]);
    expect(out).toBe("object function function");
  });

  it("works with import()", () => {
    const out = node([
      "--input-type=module",
      "-e",
      `const d = await import("dynamodel"); const l = await import("dynamodel/local");
       console.log(typeof d.default, typeof d.ValidationError, typeof l.startLocal)`,
    ]);
    expect(out).toBe("object function function");
  });
});

test("@arethetypeswrong/cli finds no problem in the packed package", () => {
  const directory = mkdtempSync(join(tmpdir(), "dynamodel-pack-"));
  const tarball = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--silent", "--pack-destination", directory],
    {
      cwd: root,
      encoding: "utf8",
    },
  ).trim();
  const attw = spawnSync("npx", ["attw", join(directory, tarball), "--format", "table-flipped"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(`${attw.stdout}${attw.stderr}`).toContain("No problems found");
  expect(attw.status).toBe(0);
});
