import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseJavaMajorVersion, startLocal } from "dynamodel/local";
import { scratchDirectory } from "../support/scratch-directory";

describe("parseJavaMajorVersion", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_292"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ["no version here", undefined],
  ])("reads %j as %j", (output, major) => {
    expect(parseJavaMajorVersion(output)).toBe(major);
  });
});

describe("startLocal without a suitable Java", () => {
  it("names the fix when no java is found", async () => {
    await expect(startLocal({ javaCommand: "/nonexistent/bin/java" })).rejects.toThrow(
      "DynamoDB Local needs Java 17 or newer, and no `/nonexistent/bin/java` was found on the PATH: apt-get install -y openjdk-17-jre-headless",
    );
  });

  it("names the fix when java is older than 17", async () => {
    const directory = scratchDirectory("fake-java-");
    const fakeJava = join(directory, "java");
    writeFileSync(fakeJava, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
    chmodSync(fakeJava, 0o755);
    await expect(startLocal({ javaCommand: fakeJava })).rejects.toThrow(
      "DynamoDB Local needs Java 17 or newer, found Java 11: apt-get install -y openjdk-17-jre-headless",
    );
  });
});
