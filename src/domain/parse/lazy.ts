/**
 * A value built on its first use and kept. zod builds a schema, and registers the description of
 * each of its fields, when the code that declares it runs: declared at a module's top level, every
 * schema would be built whenever its module loads, and every command would pay at start-up for
 * schemas it never validates with. Declared through this, a command builds only those it uses.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
