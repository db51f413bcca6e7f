import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { NO_MATCH, type ScalarType } from "./handler";

/** Binary values come back from the SDK as Uint8Array; users get Buffers, as with Dynamoose. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const bufferType: ScalarType = {
  name: "buffer",
  dynamoType: "B",
  setType: "BS",
  normalize: (value) => (value instanceof Uint8Array ? value : NO_MATCH),
  toDynamo: (value) => ({ B: value as Uint8Array }),
  toSetMember: (value) => value as Uint8Array,
  fromDynamo: (value: AttributeValue) => (value.B !== undefined ? asBuffer(value.B) : NO_MATCH),
  fromSetMember: (member) => asBuffer(member as Uint8Array),
};
