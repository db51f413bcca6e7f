import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { NO_MATCH, type ScalarType } from "./handler";

export const numberType: ScalarType = {
  name: "number",
  dynamoType: "N",
  setType: "NS",
  // NaN and ±Infinity have no DynamoDB representation: a type error here, not a marshaller crash.
  normalize: (value) => (typeof value === "number" && Number.isFinite(value) ? value : NO_MATCH),
  toDynamo: (value) => ({ N: String(value) }),
  toSetMember: (value) => String(value),
  fromDynamo: (value: AttributeValue) => (value.N !== undefined ? Number(value.N) : NO_MATCH),
  fromSetMember: (member) => Number(member),
};
