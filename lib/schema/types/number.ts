import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { numberFromDynamo } from "../stored-number";
import { NO_MATCH, type ScalarType } from "./handler";

export const numberType: ScalarType = {
  name: "number",
  dynamoType: "N",
  setType: "NS",
  // NaN and ±Infinity have no DynamoDB representation: a type error here, not a marshaller crash. A bigint
  // is written exactly: integers beyond 2^53 read back as bigints (../stored-number.ts).
  normalize: (value) =>
    (typeof value === "number" && Number.isFinite(value)) || typeof value === "bigint" ? value : NO_MATCH,
  toDynamo: (value) => ({ N: String(value) }),
  toSetMember: (value) => String(value),
  fromDynamo: (value: AttributeValue) => (value.N !== undefined ? numberFromDynamo(value.N) : NO_MATCH),
  fromSetMember: (member) => numberFromDynamo(member as string),
};
