import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { NO_MATCH, type ScalarType } from "./handler";

export const stringType: ScalarType = {
  name: "string",
  dynamoType: "S",
  setType: "SS",
  normalize: (value) => (typeof value === "string" ? value : NO_MATCH),
  toDynamo: (value) => ({ S: value as string }),
  toSetMember: (value) => value as string,
  fromDynamo: (value: AttributeValue) => (value.S !== undefined ? value.S : NO_MATCH),
  fromSetMember: (member) => member,
};
