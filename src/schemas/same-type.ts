/**
 * Compile-time checks that a zod schema's output is a library type (the library's types that are
 * interfaces, and the schemas that publish them): `const ok: SameType<Lib, z.output<typeof s>> = true`
 * fails to compile when they differ by a field, an optional mark, a nullable or an enum word.
 * @module
 */

/** The type with readonly marks dropped and branded strings (IsoDate) read as string. */
export type Plain<T> = T extends string ? (string extends T ? string : T) : T extends readonly (infer U)[] ? Plain<U>[] : T extends object ? { -readonly [K in keyof T]: Plain<T[K]> } : T

/** true when A and B are the same type once Plain. */
export type SameType<A, B> = (<X>() => X extends Plain<A> ? 1 : 2) extends <X>() => X extends Plain<B> ? 1 : 2 ? true : false
