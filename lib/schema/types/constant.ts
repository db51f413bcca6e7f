import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { ConstantValue } from "../type-markers";
import { NO_MATCH, type ScalarType } from "./handler";

/** An attribute that must always equal `constant`; stored as S, N or BOOL by its JavaScript type. */
export function constantType(constant: ConstantValue): ScalarType {
  const stored: AttributeValue =
    typeof constant === "string"
      ? { S: constant }
      : typeof constant === "number"
        ? { N: String(constant) }
        : { BOOL: constant };
  return {
    name: `constant ${typeof constant} (${JSON.stringify(constant)})`,
    dynamoType: typeof constant === "string" ? "S" : typeof constant === "number" ? "N" : "BOOL",
    normalize: (value) => (value === constant ? value : NO_MATCH),
    toDynamo: () => stored,
    fromDynamo: (value: AttributeValue) => {
      const read = value.S ?? (value.N !== undefined ? Number(value.N) : value.BOOL);
      return read === constant ? read : NO_MATCH;
    },
  };
}
