// Compares two stored images (AttributeValue maps) and lists the update actions that turn the old
// one into the new one: changed nested map members become document paths (`address.city`); a changed
// list or set is replaced whole; attributes that disappeared are removed.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { PathSegment } from "../expressions/path";
import { canonicalNumber, sameStoredNumber } from "../schema/stored-number";

export type ImageChange =
  { kind: "set"; path: PathSegment[]; value: AttributeValue } | { kind: "remove"; path: PathSegment[] };

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let index = 0; index < a.byteLength; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const members = new Set(a);
  return b.every((member) => members.has(member));
}

/** Deep equality of AttributeValues; sets compare as sets (DynamoDB does not keep their order). */
export function attributeValuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && sameStoredNumber(a.N, b.N);
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.B !== undefined) return b.B !== undefined && bytesEqual(a.B, b.B);
  if (a.SS !== undefined) return b.SS !== undefined && sameMembers(a.SS, b.SS);
  if (a.NS !== undefined)
    return b.NS !== undefined && sameMembers(a.NS.map(canonicalNumber), b.NS.map(canonicalNumber));
  if (a.BS !== undefined) {
    if (b.BS === undefined || a.BS.length !== b.BS.length) return false;
    const members = new Set(a.BS.map((bytes) => Buffer.from(bytes).toString("base64")));
    return b.BS.every((bytes) => members.has(Buffer.from(bytes).toString("base64")));
  }
  if (a.L !== undefined) {
    return (
      b.L !== undefined &&
      a.L.length === b.L.length &&
      a.L.every((element, index) => attributeValuesEqual(element, b.L![index]!))
    );
  }
  if (a.M !== undefined) {
    if (b.M === undefined) return false;
    const keys = Object.keys(a.M);
    if (keys.length !== Object.keys(b.M).length) return false;
    return keys.every((key) => b.M![key] !== undefined && attributeValuesEqual(a.M![key]!, b.M![key]!));
  }
  return false;
}

/**
 * What a save may remove of a stored value its item no longer has: all of it; only what is the item's
 * inside it (a map that is only the way to what saveUnknown keeps, holding other content too); nothing
 * (content the schema does not declare).
 */
export type Removal = "whole" | "inside" | "none";

export type RemovalPolicy = (path: PathSegment[], stored: AttributeValue) => Removal;

/**
 * The changes from `previous` to `next`. `removal(path, stored)` says what goes of an attribute missing
 * from `next` (default: all of it); the save leaves attributes its schema does not declare alone.
 */
export function diffImages(
  previous: Record<string, AttributeValue>,
  next: Record<string, AttributeValue>,
  removal: RemovalPolicy = () => "whole",
  prefix: PathSegment[] = [],
): ImageChange[] {
  const changes: ImageChange[] = [];
  for (const key of Object.keys(next)) {
    const before = previous[key];
    const after = next[key]!;
    const path = [...prefix, key];
    if (before === undefined) changes.push({ kind: "set", path, value: after });
    else if (before.M !== undefined && after.M !== undefined)
      changes.push(...diffImages(before.M, after.M, removal, path));
    else if (!sameButUnheld(before, after, removal, path)) changes.push({ kind: "set", path, value: after });
  }
  for (const key of Object.keys(previous)) {
    if (next[key] !== undefined) continue;
    const path = [...prefix, key];
    const stored = previous[key]!;
    const what = removal(path, stored);
    if (what === "whole") changes.push({ kind: "remove", path });
    else if (what === "inside") changes.push(...removalsInside(stored, removal, path));
  }
  return changes;
}

/**
 * The removals of what is the item's inside a stored map, leaving the rest (other code's content) where it
 * is; the map itself when all of its members go. (A list has no member paths that stay put: it goes whole.)
 */
function removalsInside(stored: AttributeValue, removal: RemovalPolicy, path: PathSegment[]): ImageChange[] {
  if (stored.M === undefined) return [{ kind: "remove", path }];
  const inside = diffImages(stored.M, {}, removal, path);
  const wholeMembers = inside.filter((change) => change.path.length === path.length + 1).length;
  return wholeMembers === Object.keys(stored.M).length ? [{ kind: "remove", path }] : inside;
}

/**
 * Whether `after` is `before` apart from map members `before` has that are not the item's to remove (stored
 * by other code, undeclared): a list of maps read and left alone is unchanged, although the item's copy
 * lacks those members. (A changed list is still replaced whole, members and all: a list has no stable
 * element identity to carry them over by.)
 */
function sameButUnheld(
  before: AttributeValue,
  after: AttributeValue,
  removal: RemovalPolicy,
  path: PathSegment[],
): boolean {
  if (before.L !== undefined && after.L !== undefined) {
    if (before.L.length !== after.L.length) return false;
    return before.L.every((element, index) =>
      sameButUnheld(element, after.L![index]!, removal, [...path, index]),
    );
  }
  if (before.M !== undefined && after.M !== undefined) {
    return diffImages(before.M, after.M, removal, path).length === 0;
  }
  return attributeValuesEqual(before, after);
}

type Container = Record<string, AttributeValue> | AttributeValue[];

/**
 * `image` with `changes` applied, as DynamoDB applies them: what the table holds after an UpdateItem
 * that sent them. A new image; what the changes leave alone is shared with `image`, never changed in it.
 * (An item's image after its save: content the item does not hold, such as other code's members of a map
 * it shares, stays in it, so the next save still leaves that content alone.)
 */
export function applyImageChanges(
  image: Record<string, AttributeValue>,
  changes: readonly ImageChange[],
): Record<string, AttributeValue> {
  if (changes.length === 0) return image;
  const root: Record<string, AttributeValue> = { ...image };
  const fresh = new WeakSet<Container>([root]);
  // DynamoDB resolves every path against the item as it was: list elements removed go last, highest
  // index first, so each index still names the element it named. (diffImages replaces lists whole today.)
  const isElementRemoval = (change: ImageChange) =>
    change.kind === "remove" && typeof change.path[change.path.length - 1] === "number";
  const ordered = [
    ...changes.filter((change) => !isElementRemoval(change)),
    ...changes
      .filter(isElementRemoval)
      .sort((a, b) => Number(b.path[b.path.length - 1]) - Number(a.path[a.path.length - 1])),
  ];
  for (const change of ordered) {
    let container: Container = root;
    for (const segment of change.path.slice(0, -1)) {
      const next = childContainer(container, segment, fresh);
      // The save succeeded, so DynamoDB found every path's parent; this only keeps the types honest.
      if (next === undefined) break;
      container = next;
    }
    const last = change.path[change.path.length - 1]!;
    setMember(container, last, change.kind === "set" ? change.value : undefined);
  }
  return root;
}

/** The map or list at `segment` of `container`, copied once (into `container`) so it can be changed. */
function childContainer(
  container: Container,
  segment: PathSegment,
  fresh: WeakSet<Container>,
): Container | undefined {
  const value = memberOf(container, segment);
  const inner = value?.M ?? value?.L;
  if (inner === undefined) return undefined;
  if (fresh.has(inner)) return inner;
  const copy: Container = Array.isArray(inner) ? [...inner] : { ...inner };
  fresh.add(copy);
  setMember(container, segment, Array.isArray(copy) ? { L: copy } : { M: copy });
  return copy;
}

function memberOf(container: Container, segment: PathSegment): AttributeValue | undefined {
  return Array.isArray(container) ? container[Number(segment)] : container[String(segment)];
}

/** Sets (or, for `undefined`, removes) a member; a removed list element closes up, as in DynamoDB. */
function setMember(container: Container, segment: PathSegment, value: AttributeValue | undefined): void {
  if (Array.isArray(container)) {
    const index = Number(segment);
    // A SET past the end appends, as in DynamoDB.
    if (value !== undefined) container[Math.min(index, container.length)] = value;
    else if (index < container.length) container.splice(index, 1);
  } else if (value !== undefined) container[String(segment)] = value;
  else delete container[String(segment)];
}
