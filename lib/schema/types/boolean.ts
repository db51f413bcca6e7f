import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { NO_MATCH, type ScalarType } from "./handler";

export const booleanType: ScalarType = {
  name: "boolean",
  dynamoType: "BOOL",
  normalize: (value) => (typeof value === "boolean" ? value : NO_MATCH),
  toDynamo: (value) => ({ BOOL: value as boolean }),
  fromDynamo: (value: AttributeValue) => (value.BOOL !== undefined ? value.BOOL : NO_MATCH),
};
