/**
 * One `T` per database in this process, named by the database's Prisma client (tests open several
 * databases in one process), kept on globalThis under `name`: Next bundles route handlers and
 * server actions into separate module graphs, and all of them must share it. `make` builds it
 * from what the first caller passes after the client.
 */
export function perDatabase<T, A extends unknown[]>(
  name: string,
  make: (...args: A) => T,
): (database: object, ...args: A) => T {
  const store = globalThis as unknown as Record<string, WeakMap<object, T> | undefined>;
  const all = (store[name] ??= new WeakMap<object, T>());
  return (database, ...args) => {
    let value = all.get(database);
    if (value === undefined) all.set(database, (value = make(...args)));
    return value;
  };
}
