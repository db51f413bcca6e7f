import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { NO_MATCH, type ScalarType } from "./handler";

export const nullType: ScalarType = {
  name: "null",
  dynamoType: "NULL",
  normalize: (value) => (value === null ? null : NO_MATCH),
  toDynamo: () => ({ NULL: true }),
  fromDynamo: (value: AttributeValue) => (value.NULL !== undefined ? null : NO_MATCH),
};
