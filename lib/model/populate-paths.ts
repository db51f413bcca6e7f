// `populate({properties})`: which references to populate, by dotted path from the root item, as in
// Dynamoose. `*` matches one segment, `**` everything from there on; a path that leads towards a
// pattern matches too ("parent.owner" populates `parent`, then the populated parent's `owner`).
import { InvalidParameter } from "../errors";

/** Decides for a reference path whether to populate it; `undefined` when nothing is to be populated. */
export type PopulateMatcher = (path: string) => boolean;

const ALL: PopulateMatcher = () => true;

export function compilePopulateMatcher(properties: unknown): PopulateMatcher | undefined {
  // `null` is "not set", as for every setting (and in Dynamoose): everything is populated.
  if (properties === undefined || properties === null || properties === true) return ALL;
  if (properties === false) return undefined;
  const patterns = typeof properties === "string" ? [properties] : properties;
  if (!Array.isArray(patterns) || !patterns.every((pattern) => typeof pattern === "string")) {
    throw new InvalidParameter(
      "populate: properties must be true, false, a path or an array of paths (with * and ** wildcards).",
    );
  }
  if (patterns.length === 0) return undefined;
  const split = patterns.map((pattern: string) => pattern.split("."));
  return (path) => {
    const segments = path.split(".");
    return split.some((pattern) => matches(pattern, segments));
  };
}

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  for (let index = 0; index < segments.length; index += 1) {
    const part = pattern[index];
    if (part === "**") return true;
    if (part === undefined) return false;
    if (part !== "*" && part !== segments[index]) return false;
  }
  return true;
}
