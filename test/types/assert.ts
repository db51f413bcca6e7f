// Compile-time assertion helpers for the type tests. `Equal` is exact (it distinguishes `any`,
// optional properties and readonly), `Expect` fails to compile unless given `true`.
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;
export const expectType = <T>(_value: T): void => undefined;
