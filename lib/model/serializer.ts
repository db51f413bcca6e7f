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
    if (name === DEFAULT) throw new InvalidParameter("The default serializer cannot be deleted.");
    this.#serializers.delete(name);
    if (this.#defaultName === name) this.#defaultName = DEFAULT;
  }

  readonly default = {
    set: (name?: string): void => {
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

export function serializeItem(
  runtime: ModelRuntime & { serializers?: SerializerRegistry },
  item: Record<string, unknown>,
  nameOrOptions?: string | object,
): Record<string, unknown> {
  const options = runtime.serializers?.resolve(nameOrOptions);
  let output: Record<string, unknown> = { ...item };
  if (options?.include)
    output = Object.fromEntries(
      options.include.filter((key) => key in output).map((key) => [key, output[key]]),
    );
  if (options?.exclude) for (const key of options.exclude) delete output[key];
  if (options?.modify) output = options.modify(output, item);
  return output;
}
