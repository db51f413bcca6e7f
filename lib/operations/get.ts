// GetItem: build (pure) and run.
import type { AttributeValue, GetItemCommandInput, GetItemCommandOutput } from "@aws-sdk/client-dynamodb";
import { describeValue, InvalidParameter } from "../errors";
import type { ExpressionTarget } from "../expressions/compile";
import { parseDocumentPath, type PathSegment } from "../expressions/path";
import { PlaceholderRegistry } from "../expressions/placeholders";
import { booleanSetting } from "./options";

export interface GetSettings {
  attributes?: readonly string[];
  consistent?: boolean;
  return?: "item" | "request";
}

/**
 * `attributes`: a non-empty array of document paths (DynamoDB refuses an empty projection).
 *
 * @example
 * ```ts
 * checkAttributePaths(["id", "address.city"]); // fine; checkAttributePaths(5) throws InvalidParameter
 * ```
 */
export function checkAttributePaths(attributes: unknown): asserts attributes is readonly string[] {
  if (!Array.isArray(attributes) || attributes.some((path) => typeof path !== "string")) {
    throw new InvalidParameter(
      `attributes must be an array of attribute paths (got ${describeValue(attributes)}).`,
    );
  }
  if (attributes.length === 0) {
    throw new InvalidParameter("attributes must name at least one attribute path (got []).");
  }
}

/** A projection of document paths ("a.b[1]"), alias-aware, as placeholders. */
export function buildProjection(
  attributes: readonly string[] | undefined,
  target: ExpressionTarget,
  registry: PlaceholderRegistry,
): string | undefined {
  if (attributes === undefined) return undefined;
  checkAttributePaths(attributes);
  const stored = attributes.flatMap((path) => {
    const resolved = target.resolve(parseDocumentPath(path));
    // A flattened object is projected as all of its stored attributes.
    return resolved.storedPaths ?? [resolved.segments];
  });
  // A path named twice (say by its real name and by an alias) is projected once, and one inside another
  // listed path (`address.city` beside `address`) not at all: DynamoDB rejects both ("overlap"), and the
  // outer path reads it anyway. Left out before rendering, so no placeholder goes unused.
  const rendered = withoutCoveredPaths(stored).map((segments) => registry.path(segments));
  return [...new Set(rendered)].join(", ");
}

/** `paths` without those another of them contains (a strict prefix); the order kept. */
function withoutCoveredPaths(
  paths: readonly (readonly PathSegment[])[],
): readonly (readonly PathSegment[])[] {
  if (paths.length < 2) return paths;
  const covers = (outer: readonly PathSegment[], inner: readonly PathSegment[]) =>
    outer.length < inner.length && outer.every((segment, index) => segment === inner[index]);
  return paths.filter((path) => !paths.some((other) => covers(other, path)));
}

export function buildGetInput(
  tableName: string,
  key: Record<string, AttributeValue>,
  settings: GetSettings,
  target: ExpressionTarget,
): GetItemCommandInput {
  const input: GetItemCommandInput = { TableName: tableName, Key: key };
  const consistent = booleanSetting(settings.consistent, "get: consistent");
  if (consistent !== undefined) input.ConsistentRead = consistent;
  const registry = new PlaceholderRegistry();
  const projection = buildProjection(settings.attributes, target, registry);
  if (projection !== undefined) {
    input.ProjectionExpression = projection;
    input.ExpressionAttributeNames = registry.names;
  }
  return input;
}

export type GetOutput = GetItemCommandOutput;
