/**
 * A vee-validate `TypedSchema` over a zod 4 schema (classic or `zod/mini`). `@vee-validate/zod` targets zod 3 and
 * does not work with zod 4; this bridge is small and public so hosts building their own forms can use it too.
 */
import type { TypedSchema, TypedSchemaError } from 'vee-validate'
import { safeParseAsync } from 'zod/mini'
import type * as z from 'zod/mini'

/** One zod issue, as given to `mapIssue`. */
export type ZodIssue = z.core.$ZodIssue

/** Options of `zodTypedSchema`. */
export interface ZodTypedSchemaOptions {
  /**
   * Picks the message shown for an issue (e.g. from translated messages); return `undefined` to keep the
   * schema's own message. @defaultValue the issue's message
   */
  mapIssue?: (issue: ZodIssue, path: string, values: unknown) => string | undefined
}

/** Turns a zod issue path into vee-validate's path syntax: `a.b[0].c`. */
export function toFormPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out === '' ? String(segment) : `.${String(segment)}`
  }
  return out
}

/**
 * Wraps a zod 4 schema as a vee-validate typed schema: `useForm({ validationSchema: zodTypedSchema(schema) })`.
 * Parses with `safeParseAsync` (async refinements work), returns the parsed output as the submit values and
 * maps issues to `{ path, errors }`, all messages of one path together. Schema defaults are not filled
 * into the form: pass `initialValues`.
 */
export function zodTypedSchema<S extends z.core.$ZodType>(
  schema: S,
  options: ZodTypedSchemaOptions = {},
): TypedSchema<z.input<S>, z.output<S>> {
  return {
    __type: 'VVTypedSchema',
    async parse(values) {
      const result = await safeParseAsync(schema, values)
      if (result.success) return { value: result.data, errors: [] }
      /** Each path's messages, without repeats, in issue order. */
      const byPath = new Map<string, Set<string>>()
      for (const issue of result.error.issues) {
        const path = toFormPath(issue.path)
        const messages = byPath.get(path) ?? new Set()
        byPath.set(path, messages.add(options.mapIssue?.(issue, path, values) ?? issue.message))
      }
      return { errors: [...byPath].map(([path, messages]): TypedSchemaError => ({ path, errors: [...messages] })) }
    },
  }
}
