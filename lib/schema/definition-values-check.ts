// Compile-time check of an attribute's `default` and `enum` members against its type (SPEC §10): a value
// the type never accepts is always a TypeMismatch on save (defaults are type-checked before `set` runs),
// and such an enum member can never be stored. Only String, Number, Boolean and Date attributes are judged;
// definition-check.ts runs these checks in its walk. Nothing here exists at run time.
import type { AttrValue } from "./infer-values";

/**
 * What TypeScript shows as the expected type of a `default` the attribute's type does not accept: saving an
 * item with it is always a TypeMismatch (the default is type-checked before `set` sees it).
 */
export interface DefaultOfAnotherType<Expected> {
  readonly "a default is a value of the attribute's type, or a function returning one": Expected;
}

/** What TypeScript shows as the expected type of an `enum` member the attribute's type does not accept. */
export interface EnumMemberOfAnotherType<Expected> {
  readonly "an enum member is a value of the attribute's type": Expected;
}

/** The scalar types this check judges: String, Number, Boolean, Date (by constructor or name, any case). */
type JudgedType =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | DateConstructor
  | { readonly value: DateConstructor };
type JudgedName = "string" | "number" | "boolean" | "date";

/**
 * One scalar type's input value, as the item type's inference gives it (infer-values.ts); `unknown` for a
 * type this check does not judge.
 */
type ScalarInput<T> = T extends JudgedType
  ? AttrValue<T, "in">
  : T extends string
    ? string extends T
      ? unknown
      : Lowercase<T> extends JudgedName
        ? AttrValue<T, "in">
        : unknown
    : unknown;

/** The input value of a written type or list of types: `unknown` if one of them is not judged. */
export type ScalarInputOf<T> = ScalarInput<T extends readonly unknown[] ? T[number] : T>;

/** A default that stores nothing (`null`, `undefined`) is no default: accepted, as at run time. */
type AcceptsDefault<D, E> = 0 extends 1 & D
  ? true
  : D extends E | null | undefined
    ? true
    : D extends (...args: never) => infer R
      ? AcceptsResult<Awaited<R>, E>
      : false;

/** A default function's (awaited) result: one typed `any` or `unknown` (`JSON.parse`) cannot be judged. */
type AcceptsResult<R, E> = 0 extends 1 & R
  ? true
  : unknown extends R
    ? true
    : R extends E | null | undefined
      ? true
      : false;

/** `"default"` and `"enum"` when either holds a value the attribute's type `E` never accepts. */
export type ValueMistakes<V, E> = unknown extends E
  ? never
  : | (V extends { readonly default: infer D }
        ? AcceptsDefault<D, E> extends true
          ? never
          : "default"
        : never)
    | (V extends { readonly enum: readonly (infer M)[] }
        ? [Exclude<M, E>] extends [never]
          ? never
          : "enum"
        : never);

/** A `default` the type `E` does not accept is marked whole; of an `enum`, each member it does not accept. */
export type CheckedValues<P, V, E> = unknown extends E
  ? V
  : P extends "default"
    ? AcceptsDefault<V, E> extends true
      ? V
      : DefaultOfAnotherType<E>
    : { [I in keyof V]: V[I] extends E ? V[I] : EnumMemberOfAnotherType<E> };
