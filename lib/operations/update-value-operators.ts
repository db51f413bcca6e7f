// Update value operators at a path (`{path: {$IF_NOT_EXISTS: v}}`, `{path: {$LIST_PREPEND: [...]}}`): planned
// into the update's actions (update-plan.ts), each value through its attribute's write pipeline.
import { InvalidParameter } from "../errors";
import { checkUpdatedKeyNotEmpty } from "../schema/empty-key";
import type { UpdatePath } from "../schema/update-path";
import { writeAttributeValue } from "../schema/write-value";
import { prependAction } from "./update-operands";
import type { PlanState } from "./update-plan-target";

/** Plans `{path: {operator: operand}}`: `$LIST_PREPEND`, or `$IF_NOT_EXISTS` (not on a flattened object). */
export async function planValueOperator(
  state: PlanState,
  path: UpdatePath,
  operator: string,
  wrapper: Record<string, unknown>,
): Promise<void> {
  const operand = wrapper[operator];
  if (operator === "$LIST_PREPEND") {
    state.actions.push(await prependAction(state.schema, path, operand));
    return;
  }
  if (operator !== "$IF_NOT_EXISTS" || path.flattened !== undefined) {
    throw new InvalidParameter(
      path.flattened !== undefined && operator === "$IF_NOT_EXISTS"
        ? `$IF_NOT_EXISTS of "${path.printable}": a flattened object (storage: "flatten") is several stored ` +
            "attributes; use $IF_NOT_EXISTS on each of its sub-attributes."
        : `Unknown update value operator ${operator} for "${path.printable}" (allowed: $IF_NOT_EXISTS, $LIST_PREPEND).`,
    );
  }
  const written = await writeAttributeValue(state.schema, path.attribute, operand, path.printable);
  if (written.attributeValue === undefined) {
    throw new InvalidParameter(`$IF_NOT_EXISTS of "${path.printable}" needs a value that can be stored.`);
  }
  // An index key is refused empty whether or not the value ends up written.
  if (path.segments.length === 1) {
    checkUpdatedKeyNotEmpty(state.schema, String(path.segments[0]), written.attributeValue);
  }
  state.actions.push({ kind: "set", path: path.segments, value: written.attributeValue, ifNotExists: true });
}
