// What `saveUnknown`'s patterns keep of one change of an update at a path the schema does not declare
// (`meta.x` under "meta.*"): what a save of the same data keeps. Without this an update stored content
// that reads then hide, and that the item's next save removes.
import { isPlainObject } from "../expressions/is-plain-object";
import { UNDEFINED } from "../schema/type-markers";
import { keptOnlyAsContainer } from "../schema/unknown-paths";
import { filterUnknown, keptUnknownValue } from "../schema/unknown-values";

/** Nothing of the change is kept: it is left out of the update, as the same data is left out of a save. */
export const LEFT_OUT: unique symbol = Symbol("left out");

/**
 * The change at `path` (dotted) as saveUnknown keeps it, or LEFT_OUT. A value (also the operand of
 * `{$IF_NOT_EXISTS: …}`, a number or a Set `$ADD`ed) keeps what the patterns keep; the elements of a list
 * `$ADD`ed or `{$LIST_PREPEND: …}`ed are filtered each as an element of the list. `$DELETE` and removals
 * take nothing away that reads show, so they go as given, except where only maps or lists are kept.
 *
 * @example
 * ```ts
 * const keep = compileUnknownMatcher(["meta.*"])!;
 * keptChange(keep, "meta.x", "$SET", { $IF_NOT_EXISTS: { deep: 1 } }); // { $IF_NOT_EXISTS: {} }
 * keptChange(keep, "meta.list", "$ADD", [{ deep: 1 }]); // LEFT_OUT ("meta.list.0" is not kept)
 * ```
 */
export function keptChange(
  keep: (path: string) => boolean,
  path: string,
  operator: string,
  value: unknown,
): unknown {
  if (value === undefined || value === UNDEFINED) return value;
  if (operator === "$DELETE") return keptOnlyAsContainer(keep, path) ? LEFT_OUT : value;
  if (operator === "$ADD")
    return Array.isArray(value) ? keptElements(keep, path, value) : keptValue(keep, path, value);
  const wrapper = valueOperatorOf(value);
  if (wrapper === undefined) return keptValue(keep, path, value);
  const { operator: valueOperator, operand } = wrapper;
  // Nothing to keep or leave out: the plan refuses the operator for it, as at a declared path.
  if (operand === undefined) return value;
  if (valueOperator === "$IF_NOT_EXISTS") {
    const kept = keptValue(keep, path, operand);
    return kept === LEFT_OUT ? LEFT_OUT : { [valueOperator]: kept };
  }
  if (valueOperator === "$LIST_PREPEND") {
    const elements = keptElements(keep, path, Array.isArray(operand) ? operand : [operand]);
    return elements === LEFT_OUT ? LEFT_OUT : { [valueOperator]: elements };
  }
  // Another `$…` wrapper is refused by the plan, whatever its content.
  return value;
}

function keptValue(keep: (path: string) => boolean, path: string, value: unknown): unknown {
  const kept = keptUnknownValue(keep, path, value);
  return kept === undefined ? LEFT_OUT : kept;
}

/**
 * List elements, each filtered at its index in the list given (where a prepended element lands; an
 * appended one lands further on, which only a pattern naming one index, not `*`, could tell apart).
 */
function keptElements(keep: (path: string) => boolean, path: string, elements: unknown[]): unknown {
  // No elements: left for the plan to refuse. An undefined element is left out, as a save leaves it out of
  // a list saveUnknown keeps.
  if (elements.length === 0) return elements;
  const kept = filterUnknown(elements, path, keep) as unknown[];
  return kept.length === 0 ? LEFT_OUT : kept;
}

/** The operator and operand of a value operator wrapper (`{$IF_NOT_EXISTS: 1}`), if `value` is one. */
function valueOperatorOf(value: unknown): { operator: string; operand: unknown } | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  const operator = keys[0];
  if (keys.length !== 1 || operator === undefined || !operator.startsWith("$")) return undefined;
  return { operator, operand: value[operator] };
}
