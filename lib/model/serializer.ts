// Serializers (Dynamoose's Model.serializer): named recipes turning an item into a plain object.
import { describeValue, InvalidParameter } from "../errors";
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
    this.#serializers.set(name, checkedOptions(options));
  }

  delete(name: string): void {
    if (typeof name !== "string" || name === "")
      throw new InvalidParameter("Serializer name must be a non-empty string.");
    if (name === DEFAULT) throw new InvalidParameter("The default serializer cannot be deleted.");
    this.#serializers.delete(name);
    if (this.#defaultName === name) this.#defaultName = DEFAULT;
  }

  readonly default = {
    set: (name?: string | null): void => {
      if (name !== undefined && name !== null && typeof name !== "string")
        throw new InvalidParameter("Serializer name must be a string.");
      // No name, `null` or the built-in's own name restores the built-in; an unknown name changes nothing,
      // as in Dynamoose.
      if (name === undefined || name === null || name === DEFAULT) this.#defaultName = DEFAULT;
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
    return checkedOptions(nameOrOptions);
  }
}

/** A list of paths: one path may be given as a string (Dynamoose takes one for `exclude`). */
function pathList(value: unknown, option: "include" | "exclude"): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((path) => typeof path === "string")) return value as string[];
  throw new InvalidParameter(
    `Serializer ${option} must be an attribute path or an array of them (got ${describeValue(value)}).`,
  );
}

const SERIALIZER_OPTIONS: ReadonlySet<string> = new Set(["include", "exclude", "modify"]);

/**
 * Options checked once, where they are given: a string `exclude` read as a list of its characters would
 * hide nothing, and the attribute meant to be hidden would be handed out.
 */
function checkedOptions(options: unknown): SerializerOptions {
  if (Array.isArray(options)) return { include: pathList(options, "include")! };
  if (typeof options !== "object" || options === null)
    throw new InvalidParameter("Serializer options must be an object or an array of attribute names.");
  const { include, exclude, modify } = options as Record<string, unknown>;
  // A misspelt `exlude` would hand out the attribute meant to be hidden, as a string `exclude` would.
  const unknown = Object.keys(options).filter((key) => !SERIALIZER_OPTIONS.has(key));
  if (unknown.length > 0) {
    throw new InvalidParameter(
      `Serializer options: unknown option ${unknown.map((key) => `"${key}"`).join(", ")} (allowed: include, exclude, modify).`,
    );
  }
  if (modify !== undefined && modify !== null && typeof modify !== "function")
    throw new InvalidParameter(`Serializer modify must be a function (got ${describeValue(modify)}).`);
  const checked: SerializerOptions = {};
  const includePaths = pathList(include, "include");
  const excludePaths = pathList(exclude, "exclude");
  if (includePaths !== undefined) checked.include = includePaths;
  if (excludePaths !== undefined) checked.exclude = excludePaths;
  if (typeof modify === "function") checked.modify = modify as SerializerOptions["modify"];
  return checked;
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
  if (options?.exclude) {
    for (const segments of laterPathsFirst(options.exclude)) output = withoutPath(output, segments);
  }
  if (options?.modify) output = options.modify(output, item);
  return output;
}

/**
 * Excluded paths, the later list elements first: taking element 0 out of a list moves element 1 to its
 * place, so `["l.0", "l.1.secret"]` in the order given would leave the secret (then at `l.0`) in.
 */
function laterPathsFirst(paths: readonly string[]): string[][] {
  const compare = (a: string, b: string) => {
    const [x, y] = [Number(a), Number(b)];
    return Number.isInteger(x) && Number.isInteger(y) && a !== "" && b !== ""
      ? x - y
      : a < b
        ? -1
        : a > b
          ? 1
          : 0;
  };
  return paths
    .map((path) => path.split("."))
    .sort((a, b) => {
      for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
        const order = compare(a[index]!, b[index]!);
        if (order !== 0) return -order;
      }
      return b.length - a.length;
    });
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
  if (Array.isArray(source)) {
    const copy = [...(source as unknown[])];
    const index = Number(first);
    // A list element is taken out, not left as a hole (which JSON would write as `null`), as in Dynamoose.
    if (rest.length === 0 && Number.isInteger(index) && String(index) === first) copy.splice(index, 1);
    else if (rest.length > 0 && isRecord(copy[index]))
      copy[index] = withoutPath(copy[index] as Record<string, unknown>, rest);
    return copy as unknown as Record<string, unknown>;
  }
  const copy = { ...source };
  if (rest.length === 0) delete copy[first!];
  else if (isRecord(copy[first!])) copy[first!] = withoutPath(copy[first!] as Record<string, unknown>, rest);
  return copy;
}
