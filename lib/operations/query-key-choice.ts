// Which key schema serves a query (SPEC §5): the table's or an index's, and which of the condition's
// top-level AND-ed parts make its key condition. Pure: no client. Used by the planner (query-plan.ts).
import { InvalidParameter } from "../errors";
import type { ConditionNode } from "../expressions/ast";
import type { ExpressionTarget } from "../expressions/compile";
import type { CompiledSchema } from "../schema/compiled";

/** A key schema a query can use: the table's (no name) or an index's. */
export interface KeyCandidate {
  /** The index name; undefined for the table itself. */
  readonly indexName: string | undefined;
  readonly hashKey: string;
  readonly rangeKey: string | undefined;
  /** A global secondary index (which cannot be read with strong consistency). */
  readonly global: boolean;
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

export function noIndexError(candidates: readonly KeyCandidate[], problem: string): InvalidParameter {
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
export function rejectKeyAttributesInFilter(
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
export interface KeyChoice {
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
export function consistentExclusionNote(
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

/**
 * `using(name)` with an index the schemas do not declare, in a query built with methods: its key attributes
 * are unknown, so no part of the condition can be picked as its key condition. Say the two ways to do it.
 */
export function undeclaredIndexError(candidates: readonly KeyCandidate[], forced: string): InvalidParameter {
  const names = candidates.flatMap((entry) => (entry.indexName === undefined ? [] : [entry.indexName]));
  return new InvalidParameter(
    `using("${forced}"): the schema declares no index of that name (its indexes: ` +
      `${names.length === 0 ? "none" : names.join(", ")}), so dynamodel does not know ` +
      `its key attributes. Declare it in the schema on its hash key attribute, e.g. ` +
      `{index: {name: "${forced}", type: "global", rangeKey?: …}} (an existing table is not changed unless the ` +
      `\`update\` option says so), or query it with a raw key condition, sent as it is: ` +
      `Model.query({FilterExpression: "#k = :k", ExpressionAttributeNames: {"#k": …}, ` +
      `ExpressionAttributeValues: {":k": …}}).using("${forced}").`,
  );
}

export function chooseKey(
  candidates: readonly KeyCandidate[],
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
  forced: string | undefined,
  excluded: readonly KeyCandidate[] = [],
): KeyChoice {
  if (forced !== undefined) {
    const candidate = candidates.find((entry) => entry.indexName === forced);
    if (candidate === undefined) throw undeclaredIndexError(candidates, forced);
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
  const preferred = (pool: KeyChoice[]) => pool.find((entry) => entry.range !== undefined) ?? pool[0];
  let choice = preferred(choices);
  if (choice !== undefined && leavesKeyToFilter(choice, conjuncts, target)) {
    // That choice would fail (rejectKeyAttributesInFilter); another key may take the condition whole. Only
    // one that holds every item the condition can match: the table, or an index whose range key is absent
    // or constrained by the condition too (an index holds just the items that have its key attributes).
    const alternative = preferred(
      choices.filter(
        (entry) =>
          !leavesKeyToFilter(entry, conjuncts, target) &&
          (entry.candidate.indexName === undefined ||
            entry.candidate.rangeKey === undefined ||
            entry.range !== undefined),
      ),
    );
    choice = alternative ?? choice;
  }
  if (choice === undefined) {
    const note = consistentExclusionNote(excluded, conjuncts, target);
    throw noIndexError(candidates, `No table or index key can serve this query.${note}`);
  }
  return choice;
}

function leavesKeyToFilter(
  choice: KeyChoice,
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
): boolean {
  const { hashKey, rangeKey } = choice.candidate;
  return conjuncts.some(
    (node) =>
      node !== choice.hash &&
      node !== choice.range &&
      attributesRead(node, target).some((name) => name === hashKey || name === rangeKey),
  );
}

/** The first eq on a candidate's hash key (the forced candidate's, if any) among the conjuncts. */
export function hashConditionAmong(
  candidates: readonly KeyCandidate[],
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
  forced: string | undefined,
): ConditionNode | undefined {
  for (const candidate of candidates) {
    if (forced !== undefined && candidate.indexName !== forced) continue;
    const choice = keyChoiceFor(candidate, conjuncts, target);
    if (choice !== undefined) return choice.hash;
  }
  return undefined;
}

/** Whether some candidate (the forced one, if any) has an eq on its hash key among the conjuncts. */
export function canServeAsKey(
  candidates: readonly KeyCandidate[],
  conjuncts: readonly ConditionNode[],
  target: ExpressionTarget,
  forced: string | undefined,
): boolean {
  return hashConditionAmong(candidates, conjuncts, target, forced) !== undefined;
}
