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
import { andExpressions, compileConditionNode, type ExpressionTarget } from "../expressions/compile";
import type { ConditionNode } from "../expressions/ast";
import { type Condition, conditionNode } from "../expressions/condition";
import {
  liftFromTopLevelOr,
  loneGroupsOfTopLevelOr,
  sameEq,
  topLevelConjuncts,
} from "../expressions/conjuncts";
import { formatDocumentPath } from "../expressions/path";
import { PlaceholderRegistry } from "../expressions/placeholders";
import type { CompiledSchema } from "../schema/compiled";
import {
  checkKeyConditionValue,
  keyDocumentName,
  PARTITION_KEY_BYTES,
  SORT_KEY_BYTES,
} from "../schema/empty-key";
import { expressionTargetOfModel } from "../schema/expression-target";
import {
  canServeAsKey,
  chooseKey,
  consistentExclusionNote,
  hashConditionAmong,
  keyCandidates,
  type KeyCandidate,
  noIndexError,
  rejectKeyAttributesInFilter,
  undeclaredIndexError,
} from "./query-key-choice";

export { keyCandidates, type KeyCandidate } from "./query-key-choice";

export interface QueryPlanOptions {
  /** `using(name)`: the index to query, skipping automatic choice. */
  readonly index?: string | undefined;
  /** The request's registry; a fresh one when omitted (then read `names`/`values` from the plan). */
  readonly registry?: PlaceholderRegistry;
  /** `consistent()`: only the table and local indexes qualify (DynamoDB reads GSIs eventually consistent only). */
  readonly consistent?: boolean;
  /** A condition the library adds (a count's TTL test): AND-ed to the filter, never part of the key. */
  readonly alsoFilter?: Condition | undefined;
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

/**
 * Plans a query: picks the key schema and splits the condition into key condition and filter.
 *
 * - Candidates are the table's key, then each index. Usable ones have a top-level AND-ed `eq` on their hash
 *   key; one whose range key also has a key-capable condition (eq, lt, le, gt, ge, between, beginsWith) is
 *   preferred, else the table, else the first usable index. `index` forces a choice.
 * - The first hash `eq` and the first key-capable range condition go to the key condition; every other
 *   conjunct, in order, goes to the filter (with explicit parentheses).
 * - Raw `{FilterExpression, …}` parts are opaque. When the rest of the condition has no usable key, the raw
 *   parts are sent as the key condition as they are, on the table or on the index given as `index` (as in
 *   Dynamoose, where a raw query needs `using()`), and the rest is the filter; otherwise they are filter parts.
 *   With a raw key condition, `index` may name an index the schemas do not declare: it is sent as given.
 *
 * - An OR at the top level is read as Dynamoose reads it: the hash eq of one of its AND-ed groups is taken
 *   out as the key condition, and the rest of the OR is the filter.
 *
 * @throws InvalidParameter for an empty condition, an OR at the top level without such an eq, no usable
 * key, or (without a raw key condition) an index the schemas do not declare.
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
  const excluded = candidates === allCandidates ? [] : allCandidates.filter((entry) => entry.global);
  const conjuncts =
    topLevelConjuncts(condition) ??
    keyAndRestOfTopLevelOr(condition, candidates, target, options.index, excluded);
  const added = options.alsoFilter === undefined ? undefined : conditionNode(options.alsoFilter);
  // Only after the caller's condition has been read: the added test is a filter whatever it names.
  if (added !== undefined && conjuncts.length > 0) conjuncts.push(added);
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
  const raw = conjuncts.filter((node) => node.kind === "raw");
  const others = conjuncts.filter((node) => node.kind !== "raw");
  if (raw.length > 0 && !canServeAsKey(candidates, others, target, options.index)) {
    // Raw parts are opaque: with no key among the rest, they are the key condition (as a raw query is in
    // Dynamoose, on the table or the index given with using()), and the rest is AND-ed as the filter.
    const index = options.index;
    const candidate = candidates.find((entry) => entry.indexName === index);
    // An index the schema does not declare (a table made elsewhere, `create: false`) is queried by name as
    // Dynamoose does: the raw key condition names its keys. Its key attributes are unknown here, so a key
    // attribute in the filter is left for DynamoDB to reject.
    if (candidate !== undefined) rejectKeyAttributesInFilter(others, candidate, target);
    const keyCondition = andExpressions(raw.map((node) => compileConditionNode(node, target, registry)))!;
    return plan(
      index,
      keyCondition,
      andExpressions(others.map((node) => compileConditionNode(node, target, registry))),
    );
  }
  const { candidate, hash, range } = chooseKey(candidates, conjuncts, target, options.index, excluded);
  // Named by document path (a flattened sub-attribute's stored name is not what the caller wrote).
  const named = (storedName: string) => keyDocumentName(schemas[0], storedName);
  // A key attribute with a `set` is compared as `set` makes the value (a hash of a long one, say): its length
  // is known only then, so it is left to DynamoDB.
  const limitOf = (name: string, limit: number) =>
    schemas.some((schema) => schema.shape.byName.get(name)?.flags.set === true) ? Infinity : limit;
  for (const value of comparedValues(hash)) {
    checkKeyConditionValue(candidate.hashKey, value, limitOf(candidate.hashKey, PARTITION_KEY_BYTES), named);
  }
  if (range !== undefined) {
    const limit = limitOf(candidate.rangeKey!, SORT_KEY_BYTES);
    for (const value of comparedValues(range))
      checkKeyConditionValue(candidate.rangeKey!, value, limit, named);
  }
  // No parentheses here: a key condition is at most two simple parts, and its grammar is DynamoDB's narrowest.
  const keyParts = [compileConditionNode(hash, target, registry)];
  if (range !== undefined) keyParts.push(compileConditionNode(range, target, registry));
  // By position, not identity: the same frozen node can appear twice (a condition grouped into itself).
  const used = new Set([conjuncts.indexOf(hash), range === undefined ? -1 : conjuncts.indexOf(range)]);
  const rest = conjuncts.filter((_node, position) => !used.has(position));
  rejectKeyAttributesInFilter(rest, candidate, target);
  const filter = andExpressions(rest.map((node) => compileConditionNode(node, target, registry)));
  return plan(candidate.indexName, keyParts.join(" AND "), filter);
}

/**
 * A condition whose top level is an OR, read as Dynamoose reads it: the key's eq, taken out of the AND
 * group that holds it, and the rest (conjuncts.ts, liftFromTopLevelOr). Without such an eq, nothing of an
 * OR can be a key condition.
 */
function keyAndRestOfTopLevelOr(
  condition: Condition,
  candidates: readonly KeyCandidate[],
  target: ExpressionTarget,
  forced: string | undefined,
  excluded: readonly KeyCandidate[],
): ConditionNode[] {
  const liftFor = (among: readonly KeyCandidate[]) =>
    liftFromTopLevelOr(condition, (group) => hashConditionAmong(among, group, target, forced));
  const split = liftFor(candidates);
  // A group that is the hash key's eq() alone is not taken apart (nothing of it would be left, and the OR
  // would hold for every item read): say so, rather than that no group has the eq().
  const lone = loneGroupsOfTopLevelOr(condition).find(
    (node) =>
      hashConditionAmong(candidates, [node], target, forced) !== undefined &&
      (split === undefined || sameEq(node, split.lifted)),
  );
  if (lone !== undefined) throw loneKeyGroupError(candidates, lone);
  if (split === undefined) {
    // A misspelt using() name is the mistake to report, as without the OR.
    if (forced !== undefined && !candidates.some((entry) => entry.indexName === forced)) {
      throw undeclaredIndexError(candidates, forced);
    }
    // As without the OR: when consistent() left out the global index whose eq() is there, say so.
    const viaExcluded = excluded.length === 0 ? undefined : liftFor(excluded);
    const note =
      viaExcluded === undefined ? "" : consistentExclusionNote(excluded, [viaExcluded.lifted], target);
    throw noIndexError(
      candidates,
      "This query's condition is an OR at the top level, and none of its AND-ed groups has an eq() on a " +
        "hash key, so no part of it can be a key condition." +
        note,
    );
  }
  return [split.lifted, split.rest];
}

function loneKeyGroupError(candidates: readonly KeyCandidate[], lone: ConditionNode): InvalidParameter {
  const name = lone.kind === "comparison" ? formatDocumentPath(lone.path) : "";
  return noIndexError(
    candidates,
    `This query's condition is an OR at the top level with a group that is only the eq() on the hash key ` +
      `"${name}": as the key condition it holds for every item the query reads, and so would the OR. ` +
      `Put the eq() outside the OR (query("${name}").eq(…).and().group(…)), or leave the OR out.`,
  );
}

/** The values a key-condition part compares its attribute with. */
function comparedValues(node: ConditionNode): readonly unknown[] {
  switch (node.kind) {
    case "comparison":
      return [node.value];
    case "between":
      return [node.low, node.high];
    case "function":
      return node.name === "begins_with" ? [node.value] : [];
    default:
      return [];
  }
}
