import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { NO_MATCH, type ScalarType } from "./handler";

/**
 * Binary values come back from the SDK as Uint8Array; users get Buffers, as with Dynamoose. Always a copy,
 * both ways: a Buffer is changed in place (`photo[0] = 72`), and one sharing its bytes with the stored image
 * the item keeps would change that image too, so the change would never be seen, nor saved.
 */
export function ownBytes(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes);
}

export const bufferType: ScalarType = {
  name: "buffer",
  dynamoType: "B",
  setType: "BS",
  normalize: (value) => (value instanceof Uint8Array ? value : NO_MATCH),
  toDynamo: (value) => ({ B: ownBytes(value as Uint8Array) }),
  toSetMember: (value) => ownBytes(value as Uint8Array),
  fromDynamo: (value: AttributeValue) => (value.B !== undefined ? ownBytes(value.B) : NO_MATCH),
  fromSetMember: (member) => ownBytes(member as Uint8Array),
};
