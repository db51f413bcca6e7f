// DynamoDB's item size: attribute names plus values in UTF-8 bytes, numbers at about one byte per two
// significant digits plus one, and a few bytes of overhead per list/map entry. Checked before sending,
// so an oversize item fails with the attribute named instead of a service error after a round trip.
//
// Counting exactly costs a UTF-8 measurement of every string on every write, yet almost every item is
// far below the limit. So writes first take a cheap upper bound (a UTF-16 code unit is at most 3 UTF-8
// bytes, a number at most 21 bytes) and count exactly only when the bound comes near a limit.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export const MAX_ITEM_BYTES = 400 * 1024;
const MAX_NUMBER_BYTES = 21;

/** A number's size: its significant digits (no sign, point, exponent, leading or trailing zeros) / 2, + 1. */
function numberSize(text: string): number {
  let digits = 0;
  let significant = 0; // digits up to the last non-zero one: trailing zeros are not stored
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 101 || code === 69) break; // "e" / "E": the exponent is not stored as digits
    if (code < 48 || code > 57) continue; // sign, point
    if (digits === 0 && code === 48) continue; // leading zero
    digits += 1;
    if (code !== 48) significant = digits;
  }
  return Math.min(MAX_NUMBER_BYTES, Math.ceil(Math.max(significant, 1) / 2) + 1);
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

/** At least `attributeValueSize(value)`, without measuring UTF-8. */
export function attributeValueBound(value: AttributeValue): number {
  if (value.S !== undefined) return value.S.length * 3;
  if (value.N !== undefined) return MAX_NUMBER_BYTES;
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  let size = 0;
  if (value.SS !== undefined) for (const member of value.SS) size += member.length * 3;
  else if (value.NS !== undefined) size = value.NS.length * MAX_NUMBER_BYTES;
  else if (value.BS !== undefined) for (const member of value.BS) size += member.byteLength;
  else if (value.L !== undefined) {
    size = 3;
    for (const element of value.L) size += attributeValueBound(element) + 1;
  } else if (value.M !== undefined) size = mapBound(value.M) + 3;
  return size;
}

/** At least `itemSize(map)` (plus one byte per entry, as a nested map counts). */
function mapBound(map: Record<string, AttributeValue>): number {
  let size = 0;
  for (const name of Object.keys(map)) size += name.length * 3 + attributeValueBound(map[name]!) + 1;
  return size;
}

/** At least `itemSize(item)`: cheap enough for every write. Count exactly when it exceeds a limit. */
export function itemSizeBound(item: Record<string, AttributeValue>): number {
  return mapBound(item);
}

/** The item's exact size when it is over `limit`, else `undefined` (most items: bound only). */
export function itemSizeOver(item: Record<string, AttributeValue>, limit: number): number | undefined {
  if (mapBound(item) <= limit) return undefined;
  const size = itemSize(item);
  return size > limit ? size : undefined;
}
