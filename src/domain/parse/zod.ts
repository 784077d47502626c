// What mtad uses of zod, and all it imports of it: the build makes this module a bundle of its own,
// dist/zod.cjs, loaded the first time a schema is built (scripts/build.mjs). Listing the names keeps
// that bundle to them: all of zod/mini is ten times the size. The compiler holds the list complete.
export {
  array,
  boolean,
  describe,
  enum,
  globalRegistry,
  int,
  literal,
  maximum,
  meta,
  minimum,
  minLength,
  null,
  nullable,
  optional,
  record,
  refine,
  regex,
  strictObject,
  string,
  toJSONSchema,
  union,
} from 'zod/mini';
export type { core, infer, ZodMiniType } from 'zod/mini';
