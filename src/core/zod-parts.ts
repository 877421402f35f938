/**
 * zod/mini building blocks that the response schemas (src/core/schemas.ts) and the REST adapter share. Internal:
 * the package does not export them. Each is made of zod pieces every page has anyway (`object`, `optional`, `pipe`,
 * `transform`, `refine`), in place of a zod feature a page would otherwise ship only to read responses.
 */
import { catchall, object, optional, pipe, refine, transform, type core, type ZodMiniType } from 'zod/mini'

/**
 * `inner`, or `fallback()` when the value is missing (`undefined`), in place of zod's `_default`. The key stays in
 * the output, in shape order, and each parse gets a fresh fallback.
 */
export function withDefault<S extends ZodMiniType>(inner: S, fallback: () => core.output<S>) {
  return pipe(
    optional(inner),
    transform((value: core.output<S> | undefined): core.output<S> => value ?? fallback()),
  )
}

/**
 * An object whose keys are free ids and whose values all match `value`: `catchall(object({}), value)`, what zod's
 * `record(string(), value)` accepts (a `__proto__` key is skipped by both), without `record`'s own code.
 */
export function keyedBy<S extends ZodMiniType>(value: S) {
  return catchall(object({}), value)
}

/** `keyedBy` whose ids are non-empty: a `''` key fails, as a record keyed by `minLength(1)` strings does. */
export function keyedByIds<S extends ZodMiniType>(value: S) {
  return keyedBy(value).check(refine((entry) => !Object.hasOwn(entry, '')))
}
