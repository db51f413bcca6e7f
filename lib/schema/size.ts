// DynamoDB's item size: attribute names plus values in UTF-8 bytes, numbers at one byte per pair of
// digits plus one, and a few bytes of overhead per list/map entry. Checked before sending,
// so an oversize item fails with the attribute named instead of a service error after a round trip.
//
// Counting exactly costs a UTF-8 measurement of every string on every write, yet almost every item is
// far below the limit. So writes first take a cheap upper bound (a UTF-16 code unit is at most 3 UTF-8
// bytes, a number at most 22 bytes) and count exactly only when the bound comes near a limit.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export const MAX_ITEM_BYTES = 400 * 1024;
/** The most maps and lists DynamoDB stores inside one another in an attribute's value (see nesting.ts). */
export const MAX_NESTED_CONTAINERS = 31;
// 38 significant digits span at most 20 pairs, + 1, + 1 when negative.
const MAX_NUMBER_BYTES = 22;

/**
 * A number's size as DynamoDB stores it: base-100 digit pairs aligned on the decimal point (so `1.5` is
 * `01|50`, two pairs, and `1000010` is `01|00|00|10`, four), leading and trailing zero pairs dropped, plus
 * one byte, plus one more for a negative number. Checked against DynamoDB Local byte for byte.
 */
function numberSize(text: string): number {
  let at = 0;
  const negative = text.charCodeAt(0) === 45; // "-"
  if (negative || text.charCodeAt(0) === 43) at = 1; // "+"
  // Powers of ten of the first and last non-zero digit; `point` is where the decimal point falls.
  let digits = 0;
  let point = -1;
  let first = -1;
  let last = -1;
  let exponent = 0;
  for (; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 46)
      point = digits; // "."
    else if (code === 101 || code === 69) {
      exponent = Number(text.slice(at + 1)); // "e" / "E"
      break;
    } else {
      if (code !== 48) {
        if (first < 0) first = digits;
        last = digits;
      }
      digits += 1;
    }
  }
  if (first < 0) return 1; // zero
  const units = (point < 0 ? digits : point) + exponent; // digits before the decimal point
  const highest = units - 1 - first;
  const lowest = units - 1 - last;
  const pairs = Math.floor(highest / 2) - Math.floor(lowest / 2) + 1;
  // Over 38 digits DynamoDB refuses the number anyway; capped so that MAX_NUMBER_BYTES stays a bound.
  return Math.min(MAX_NUMBER_BYTES, pairs + 1 + (negative ? 1 : 0));
}

export function attributeValueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S, "utf8");
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined)
    return value.SS.reduce((sum, member) => sum + Buffer.byteLength(member, "utf8"), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, member) => sum + member.byteLength, 0);
  if (value.L !== undefined)
    return value.L.reduce((sum, element) => sum + attributeValueSize(element) + 1, 3);
  if (value.M !== undefined) return mapSize(value.M, 1) + 3;
  return 0;
}

function mapSize(map: Record<string, AttributeValue>, perEntry: number): number {
  let size = 0;
  for (const name of Object.keys(map)) {
    size += Buffer.byteLength(name, "utf8") + attributeValueSize(map[name]!) + perEntry;
  }
  return size;
}

/** The size DynamoDB counts for an item. */
export function itemSize(item: Record<string, AttributeValue>): number {
  return mapSize(item, 0);
}

/**
 * At least `attributeValueSize(value)`, without measuring UTF-8. `Infinity` when maps and lists nest more
 * than `containersLeft` deep (DynamoDB refuses such a value): the one walk every write takes then sends the
 * caller to its slow path, which finds where.
 */
export function attributeValueBound(value: AttributeValue, containersLeft = MAX_NESTED_CONTAINERS): number {
  if (value.S !== undefined) return value.S.length * 3;
  if (value.N !== undefined) return MAX_NUMBER_BYTES;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  let size = 0;
  if (value.SS !== undefined) for (const member of value.SS) size += member.length * 3;
  else if (value.NS !== undefined) size = value.NS.length * MAX_NUMBER_BYTES;
  else if (value.BS !== undefined) for (const member of value.BS) size += member.byteLength;
  else if (value.L !== undefined) {
    if (containersLeft <= 0) return Infinity;
    size = 3;
    for (const element of value.L) size += attributeValueBound(element, containersLeft - 1) + 1;
  } else if (value.M !== undefined) {
    if (containersLeft <= 0) return Infinity;
    size = mapBound(value.M, containersLeft - 1) + 3;
  }
  return size;
}

/** At least `itemSize(map)` (plus one byte per entry, as a nested map counts). */
function mapBound(map: Record<string, AttributeValue>, containersLeft: number): number {
  let size = 0;
  for (const name of Object.keys(map))
    size += name.length * 3 + attributeValueBound(map[name]!, containersLeft) + 1;
  return size;
}

/**
 * At least `itemSize(item)`: cheap enough for every write. Count exactly when it exceeds a limit. `Infinity`
 * when an attribute nests maps and lists deeper than DynamoDB stores.
 */
export function itemSizeBound(item: Record<string, AttributeValue>): number {
  return mapBound(item, MAX_NESTED_CONTAINERS);
}
