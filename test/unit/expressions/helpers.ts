import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import {
  compileCondition,
  type Condition,
  type ExpressionTarget,
  PlaceholderRegistry,
  schemalessTarget,
} from "../../../lib/expressions";

/** What a request would carry for one compiled condition. */
export interface Compiled {
  expression: string | undefined;
  names: Record<string, string> | undefined;
  values: Record<string, AttributeValue> | undefined;
}

/** Compiles a condition with a fresh registry, as one request would. */
export function compile(condition: Condition, target: ExpressionTarget = schemalessTarget): Compiled {
  const registry = new PlaceholderRegistry();
  const expression = compileCondition(condition, target, registry);
  return { expression, names: registry.names, values: registry.values };
}
