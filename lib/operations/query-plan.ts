/**
 * The query planner (SPEC §5): which key schema serves a query — the table's, a global or a local
 * secondary index's — and which of the condition's top-level AND-ed parts become the
 * `KeyConditionExpression`; everything else stays in the `FilterExpression`. Pure: no client.
 *
 * @example
 * ```ts
 * const registry = new PlaceholderRegistry();
 * planQuery(compiledSchemas, new Condition("email").eq("a@b.c").where("age").gt(3), { registry });
 * // { indexName: "emailGlobalIndex", keyCondition: "#n0 = :v0", filter: "#n1 > :v1" }
 * ```
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors";
import type { ConditionNode } from "../expressions/ast";
import { compileConditionNode, type ExpressionTarget } from "../expressions/compile";
import type { Condition } from "../expressions/condition";
import { topLevelConjuncts } from "../expressions/conjuncts";
import { PlaceholderRegistry } from "../expressions/placeholders";
import type { CompiledSchema } from "../schema/compiled";
import { expressionTargetOfModel } from "../schema/expression-target";

/** A key schema a query can use: the table's (no name) or an index's. */
export interface KeyCandidate {
  /** The index name; undefined for the table itself. */
  readonly indexName: string | undefined;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  /** A global secondary index (which cannot be read with strong consistency). */
  readonly global: boolean;
}

export interface QueryPlanOptions {
  /** `using(name)`: the index to query, skipping automatic choice. */
  readonly index?: string | undefined;
  /** The request's registry; a fresh one when omitted (then read `names`/`values` from the plan). */
  readonly registry?: PlaceholderRegistry;
  /** `consistent()`: only the table and local indexes qualify (DynamoDB reads GSIs eventually consistent only). */
  readonly consistent?: boolean;
}

export interface QueryPlan {
  /** The chosen index; undefined when the table's own key serves. */
  readonly indexName: string | undefined;
  readonly keyCondition: string;
  readonly filter: string | undefined;
  /** The registry's names and values after planning (more may be added later, e.g. a projection). */
  readonly names: Record<string, string> | undefined;
  readonly values: Record<string, AttributeValue> | undefined;
}

/** Comparisons DynamoDB accepts on a range key inside a key condition. */
const RANGE_OPERATORS: ReadonlySet<string> = new Set(["=", "<", "<=", ">", ">="]);

/** The table key first, then every index of every schema (a multi-schema model shares one table). */
export function keyCandidates(schemas: readonly CompiledSchema[]): KeyCandidate[] {
  const first = schemas[0];
  if (first === undefined) throw new InvalidParameter("A query needs a model with a schema.");
  const candidates: KeyCandidate[] = [
    { indexName: undefined, hashKey: first.hashKey, rangeKey: first.rangeKey, global: false },
  ];
  for (const schema of schemas) {
    for (const index of schema.indexes) {
      if (candidates.some((candidate) => candidate.indexName === index.name)) continue;
      candidates.push({
        indexName: index.name,
        hashKey: index.hashKey,
        rangeKey: index.rangeKey,
        global: index.type === "global",
      });
    }
  }
  return candidates;
}

/** The stored top-level attribute a node's path names, if it is a plain (not `size()`) top-level path. */
function keyAttributeOf(node: ConditionNode, target: ExpressionTarget): string | undefined {
  if (node.kind === "comparison" || node.kind === "between") {
    if (node.size) return undefined;
  } else if (node.kind !== "function" || node.name !== "begins_with") {
    return undefined;
  }
  const segments = target.resolve(node.path).segments;
  return segments.length === 1 && typeof segments[0] === "string" ? segments[0] : undefined;
}

const isHashCondition = (node: ConditionNode, attribute: string, target: ExpressionTarget): boolean =>
  node.kind === "comparison" && node.op === "=" && keyAttributeOf(node, target) === attribute;

const isRangeCondition = (node: ConditionNode, attribute: string, target: ExpressionTarget): boolean =>
  (node.kind !== "comparison" || RANGE_OPERATORS.has(node.op)) && keyAttributeOf(node, target) === attribute;

const describeCandidate = (candidate: KeyCandidate): string =>
  `"${candidate.hashKey}" (${candidate.indexName === undefined ? "the table" : `index "${candidate.indexName}"`})`;

function noIndexError(candidates: readonly KeyCandidate[], problem: string): InvalidParameter {
  return new InvalidParameter(
    `${problem} A query needs an eq() on the hash key of the table or of an index, AND-ed with the rest; ` +
      `these attributes could serve: ${candidates.map(describeCandidate).join(", ")}. ` +
      `To read items without a key, use Model.scan().`,
  );
}

/** The top-level stored attributes a condition node reads (raw expressions are opaque). */
function attributesRead(node: ConditionNode, target: ExpressionTarget): string[] {
  switch (node.kind) {
    case "not":
      return attributesRead(node.node, target);
    case "and":
    case "or":
      return node.nodes.flatMap((inner) => attributesRead(inner, target));
    case "raw":
      return [];
    default: {
      const first = target.resolve(node.path).segments[0];
      return typeof first === "string" ? [first] : [];
    }
  }
}

/**
 * DynamoDB rejects a filter on the queried table's or index's own key attributes: each may only appear
 * once, in the key condition. Say so before sending, with what to do instead.
 */
function rejectKeyAttributesInFilter(
  rest: readonly ConditionNode[],
  candidate: KeyCandidate,
  target: ExpressionTarget,
): void {
  const keys = new Set([
    candidate.hashKey,
    ...(candidate.rangeKey === undefined ? [] : [candidate.rangeKey]),
  ]);
  for (const node of rest) {
    const attribute = attributesRead(node, target).find((name) => keys.has(name));
    if (attribute === undefined) continue;
    const where = candidate.indexName === undefined ? "the table" : `index "${candidate.indexName}"`;
    throw new InvalidParameter(
      `Query: "${attribute}" is a key attribute of ${where}, and DynamoDB allows a key attribute only once, in the ` +
        `key condition (eq on the hash key; eq, lt, le, gt, ge, between or beginsWith on the range key). ` +
        `Combine two bounds with between(), or use Model.scan() for other conditions on it.`,
    );
  }
}

/** The candidate a query uses, with the conjuncts that go to its key condition. */
interface KeyChoice {
  readonly candidate: KeyCandidate;
  readonly hash: ConditionNode;
  readonly range: ConditionNode | undefined;
}

function keyChoiceFor(
  candidate: KeyCandidate,
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
): KeyChoice | undefined {
  const hash = conjuncts.find((node) => isHashCondition(node, candidate.hashKey, target));
  if (hash === undefined) return undefined;
  const rangeKey = candidate.rangeKey;
  const range =
    rangeKey === undefined
      ? undefined
      : conjuncts.find((node) => node !== hash && isRangeCondition(node, rangeKey, target));
  return { candidate, hash, range };
}

/**
 * Why no key served when `consistent()` left global indexes out and one of them would have served:
 * otherwise the error would only list the table, as if the index's eq() had been overlooked.
 */
function consistentExclusionNote(
  excluded: readonly KeyCandidate[],
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
): string {
  const couldServe = excluded.filter((candidate) => keyChoiceFor(candidate, conjuncts, target) !== undefined);
  if (couldServe.length === 0) return "";
  return (
    ` ${couldServe.map(describeCandidate).join(", ")} could serve it, but consistent() leaves global secondary ` +
    `indexes out: DynamoDB reads them only with eventual consistency. Drop consistent() to query the index, ` +
    `or query by the key of the table or of a local index.`
  );
}

function chooseKey(
  candidates: readonly KeyCandidate[],
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
  forced: string | undefined,
  excluded: readonly KeyCandidate[] = [],
): KeyChoice {
  if (forced !== undefined) {
    const candidate = candidates.find((entry) => entry.indexName === forced);
    if (candidate === undefined) {
      const names = candidates.flatMap((entry) => (entry.indexName === undefined ? [] : [entry.indexName]));
      throw new InvalidParameter(
        `using("${forced}"): the model has no index of that name (its indexes: ${names.length === 0 ? "none" : names.join(", ")}).`,
      );
    }
    const choice = keyChoiceFor(candidate, conjuncts, target);
    if (choice === undefined) {
      throw new InvalidParameter(
        `using("${forced}"): a query on this index needs an eq() on its hash key "${candidate.hashKey}", AND-ed with the rest.`,
      );
    }
    return choice;
  }
  const choices = candidates.flatMap((candidate) => keyChoiceFor(candidate, conjuncts, target) ?? []);
  // The table comes first among equals: it allows consistent reads and holds every attribute.
  const choice = choices.find((entry) => entry.range !== undefined) ?? choices[0];
  if (choice === undefined) {
    const note = consistentExclusionNote(excluded, conjuncts, target);
    throw noIndexError(candidates, `No table or index key can serve this query.${note}`);
  }
  return choice;
}

/**
 * Plans a query: picks the key schema and splits the condition into key condition and filter.
 *
 * - Candidates are the table's key, then each index. Usable ones have a top-level AND-ed `eq` on their hash
 *   key; one whose range key also has a key-capable condition (eq, lt, le, gt, ge, between, beginsWith) is
 *   preferred, else the table, else the first usable index. `index` forces a choice.
 * - The first hash `eq` and the first key-capable range condition go to the key condition; every other
 *   conjunct, in order, goes to the filter (with explicit parentheses).
 * - A condition that is only a raw `{FilterExpression, …}` object is sent as the key condition as it is, on
 *   the table or on the index given as `index` (as in Dynamoose, where a raw query needs `using()`).
 *
 * @throws InvalidParameter for an empty condition, an OR at the top level, no usable key, or an unknown index.
 *
 * @example
 * ```ts
 * planQuery(schemas, new Condition("id").eq(1).where("sk").beginsWith("a").where("age").gt(3));
 * // keyCondition "#n0 = :v0 AND begins_with(#n1, :v1)", filter "#n2 > :v2"
 * ```
 */
export function planQuery(
  schemas: readonly CompiledSchema[],
  condition: Condition,
  options: QueryPlanOptions = {},
): QueryPlan {
  const registry = options.registry ?? new PlaceholderRegistry();
  const target = expressionTargetOfModel(schemas);
  const allCandidates = keyCandidates(schemas);
  const forcedGlobal = allCandidates.find((entry) => entry.indexName === options.index && entry.global);
  if (options.consistent === true && forcedGlobal !== undefined) {
    throw new InvalidParameter(
      `using("${options.index}") with consistent(): DynamoDB cannot read a global secondary index with strong consistency.`,
    );
  }
  const candidates =
    options.consistent === true ? allCandidates.filter((entry) => !entry.global) : allCandidates;
  const conjuncts = topLevelConjuncts(condition);
  if (conjuncts === undefined) {
    throw noIndexError(
      candidates,
      "This query's condition is an OR at the top level, so no part of it can be a key condition.",
    );
  }
  if (conjuncts.length === 0) {
    throw noIndexError(candidates, "Model.query() was given no condition.");
  }
  const plan = (indexName: string | undefined, keyCondition: string, filter: string | undefined) => ({
    indexName,
    keyCondition,
    filter,
    names: registry.names,
    values: registry.values,
  });
  if (conjuncts.every((node) => node.kind === "raw")) {
    const index = options.index;
    if (index !== undefined && !candidates.some((candidate) => candidate.indexName === index)) {
      chooseKey(candidates, conjuncts, target, index); // throws the unknown-index error
    }
    const text = conjuncts.map((node) => compileConditionNode(node, target, registry));
    return plan(
      index,
      text.length === 1 ? text[0]! : text.map((part) => `(${part})`).join(" AND "),
      undefined,
    );
  }
  const excluded = candidates === allCandidates ? [] : allCandidates.filter((entry) => entry.global);
  const { candidate, hash, range } = chooseKey(candidates, conjuncts, target, options.index, excluded);
  // No parentheses here: a key condition is at most two simple parts, and its grammar is DynamoDB's narrowest.
  const keyParts = [compileConditionNode(hash, target, registry)];
  if (range !== undefined) keyParts.push(compileConditionNode(range, target, registry));
  // By position, not identity: the same frozen node can appear twice (a condition grouped into itself).
  const used = new Set([conjuncts.indexOf(hash), range === undefined ? -1 : conjuncts.indexOf(range)]);
  const rest = conjuncts.filter((_node, position) => !used.has(position));
  rejectKeyAttributesInFilter(rest, candidate, target);
  const filterParts = rest.map((node) => compileConditionNode(node, target, registry));
  const filter =
    filterParts.length <= 1 ? filterParts[0] : filterParts.map((part) => `(${part})`).join(" AND ");
  return plan(candidate.indexName, keyParts.join(" AND "), filter);
}
