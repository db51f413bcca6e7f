// Scratch directories for tests that need real files (a fake java, a packed tarball, a consumer
// project). Each is removed after its test file, so repeated runs leave nothing behind in the
// system's temporary directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const created: string[] = [];

afterAll(() => {
  // rmSync does not follow symbolic links: a linked node_modules/dynamodel is unlinked, not emptied.
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A new empty directory under the system's temporary directory, deleted after the test file. */
export function scratchDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  created.push(directory);
  return directory;
}
