// DynamoDB's item size: attribute names plus values in UTF-8 bytes, numbers at about one byte per two
// significant digits plus one, and a few bytes of overhead per list/map entry. Checked before sending,
// so an oversize item fails with the attribute named instead of a service error after a round trip.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export const MAX_ITEM_BYTES = 400 * 1024;

function numberSize(text: string): number {
  const digits = text.replace(/^[-+]?0*/, "").replace(/[.eE].*$|\./g, "").length || 1;
  return Math.min(21, Math.ceil(digits / 2) + 1);
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
