// Serializers (Dynamoose's Model.serializer): named recipes turning an item into a plain object.
import { InvalidParameter } from "../errors";
import type { CallbackItem } from "../schema/definition-types";
import type { ModelRuntime } from "./runtime";

export interface SerializerOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Its parameters are typed loosely (`CallbackItem`), as in Dynamoose, so `original.name.toUpperCase()` compiles. */
  modify?: (serialized: CallbackItem, original: CallbackItem) => Record<string, unknown>;
}

const DEFAULT = "_default";

export class SerializerRegistry {
  readonly #serializers = new Map<string, SerializerOptions>();
  #defaultName = DEFAULT;

  add(name: string, options: SerializerOptions | readonly string[]): void {
    if (typeof name !== "string" || name === "")
      throw new InvalidParameter("Serializer name must be a non-empty string.");
    if (Array.isArray(options)) this.#serializers.set(name, { include: options });
    else if (typeof options === "object" && options !== null)
      this.#serializers.set(name, options as SerializerOptions);
    else throw new InvalidParameter("Serializer options must be an object or an array of attribute names.");
  }

  delete(name: string): void {
    if (typeof name !== "string" || name === "")
      throw new InvalidParameter("Serializer name must be a non-empty string.");
    if (name === DEFAULT) throw new InvalidParameter("The default serializer cannot be deleted.");
    this.#serializers.delete(name);
    if (this.#defaultName === name) this.#defaultName = DEFAULT;
  }

  readonly default = {
    set: (name?: string): void => {
      if (name !== undefined && typeof name !== "string")
        throw new InvalidParameter("Serializer name must be a string.");
      if (name === undefined) this.#defaultName = DEFAULT;
      else if (this.#serializers.has(name)) this.#defaultName = name;
    },
  };

  resolve(nameOrOptions: string | object | undefined): SerializerOptions | undefined {
    if (nameOrOptions === undefined) return this.#serializers.get(this.#defaultName);
    if (typeof nameOrOptions === "string") {
      const found = this.#serializers.get(nameOrOptions);
      if (!found && nameOrOptions !== DEFAULT)
        throw new InvalidParameter(`Serializer "${nameOrOptions}" is not defined.`);
      return found;
    }
    return Array.isArray(nameOrOptions) ? { include: nameOrOptions } : (nameOrOptions as SerializerOptions);
  }
}

/**
 * Serializes an item: a shallow copy, then `include` (only these paths), `exclude` (not these), `modify`.
 * Paths may be nested (`"friend.name"`), as in Dynamoose; objects along an excluded path are copied, so the
 * item itself is never changed.
 *
 * @example
 * ```ts
 * serializeItem(runtime, { id: 1, friend: { id: 3, name: "Tom" } }, { exclude: ["friend.id"] });
 * // { id: 1, friend: { name: "Tom" } }
 * ```
 */
export function serializeItem(
  runtime: ModelRuntime & { serializers?: SerializerRegistry },
  item: Record<string, unknown>,
  nameOrOptions?: string | object,
): Record<string, unknown> {
  const options = runtime.serializers?.resolve(nameOrOptions);
  let output: Record<string, unknown> = { ...item };
  if (options?.include) output = included(output, options.include);
  if (options?.exclude) for (const path of options.exclude) output = withoutPath(output, path.split("."));
  if (options?.modify) output = options.modify(output, item);
  return output;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Only the given paths of `source`, nested paths under their objects. */
function included(source: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split(".");
    let from: unknown = source;
    for (const segment of segments) from = isRecord(from) && segment in from ? from[segment] : undefined;
    if (from === undefined) continue;
    let into = result;
    for (const segment of segments.slice(0, -1)) {
      const next = into[segment];
      into = isRecord(next) ? next : (into[segment] = {});
    }
    into[segments[segments.length - 1]!] = from;
  }
  return result;
}

/** `source` without the value at `segments`: the objects on the way are copied, the rest shared. */
function withoutPath(source: Record<string, unknown>, segments: readonly string[]): Record<string, unknown> {
  const [first, ...rest] = segments;
  if (!(first! in source)) return source;
  const copy = Array.isArray(source) ? ([...source] as unknown as Record<string, unknown>) : { ...source };
  if (rest.length === 0) delete copy[first!];
  else if (isRecord(copy[first!])) copy[first!] = withoutPath(copy[first!] as Record<string, unknown>, rest);
  return copy;
}
