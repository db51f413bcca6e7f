// An input object names an attribute once: by its real name or one alias, never two (as in Dynamoose).
import { InvalidParameter } from "../errors";
import type { CompiledAttribute } from "./compiled";

/**
 * Throws when `input`, which gives attribute `attribute` under alias `key`, also gives it under its real name
 * or another alias: which value to store would depend on the object's key order.
 *
 * @example
 * ```ts
 * checkOnlyNameGiven(nameAttribute, "nick", { nick: "a", handle: "b" }); // InvalidParameter
 * ```
 */
export function checkOnlyNameGiven(
  attribute: CompiledAttribute,
  key: string,
  input: Record<string, unknown>,
  path = "",
): void {
  if (input[attribute.name] !== undefined) {
    throw new NameGivenTwice(
      `Cannot map attribute "${attribute.name}" to "${key}" because both are defined.`,
      path === "" ? attribute.name : path,
    );
  }
  const { aliases } = attribute.settings;
  if (aliases.length < 2 || input[key] === undefined) return;
  const other = aliases.find((alias) => alias !== key && input[alias] !== undefined);
  if (other !== undefined) {
    throw new NameGivenTwice(
      `Cannot map "${key}" and "${other}" to attribute "${attribute.name}": both are defined.`,
      path === "" ? attribute.name : path,
    );
  }
}

/**
 * The InvalidParameter for an attribute given under two names, knowing the top-level attribute it is in:
 * asking what changed (`modifiedPaths()`) compares that attribute as it is instead of throwing.
 */
export class NameGivenTwice extends InvalidParameter {
  /** The top-level attribute (real name) the clash is in. */
  readonly root: string;

  constructor(message: string, path: string) {
    super(message);
    this.name = "InvalidParameter";
    this.root = /^[^.[]*/.exec(path)![0];
  }
}
