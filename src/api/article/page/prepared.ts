import type { Knex } from 'knex';

export type Row = Record<string, unknown>;

/** Where argument `name` goes while a query is built; replaced by its value at each run. */
export const argument = (name: string | number): string => `\u0000page-argument:${name}`;

/** `count` argument placeholders `${name}.0`, `${name}.1`...: an `IN` list of that length. */
export const argumentList = (name: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => argument(`${name}.${index}`));

interface Prepared {
  sql: string;
  /** Each binding: a fixed value, or the name of the argument it takes. */
  bindings: Array<{ value: unknown } | { argument: string }>;
}

const ARGUMENT_PREFIX = argument('');

/** At most this many query shapes are kept per cache (IN lists of many lengths are not). */
const MAX_SHAPES = 256;

/** What of knex's client the direct paths use (knex types it loosely). */
interface KnexClient {
  /** The driver: `better-sqlite3`, `pg`... (knex's `dialect` names the SQL, `sqlite3` for both SQLite drivers). */
  driverName: string;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
  positionBindings(sql: string): string;
  emit(event: 'query', query: { sql: string; bindings: unknown[]; method: 'raw' }): boolean;
}

/** better-sqlite3's connection and statement, as far as reads need them. */
interface SqliteConnection {
  prepare(sql: string): { all(bindings: unknown[]): Row[] };
}

/** node-postgres's client: a named query is parsed and planned once per connection. */
interface PostgresConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

type SqliteStatement = ReturnType<SqliteConnection['prepare']>;

/**
 * Queries built by knex once per shape, then run again with new arguments: building a query
 * with knex (and compiling it to SQL) cost more than running it on the page's read path.
 * A shape is a key the caller gives (the query's name, its status, the length of its lists).
 */
export class PreparedQueries {
  private readonly shapes = new Map<string, Prepared>();
  /** SQLite: each connection's prepared statements, by SQL (one per shape, so bounded). */
  private readonly statements = new WeakMap<object, Map<string, SqliteStatement>>();
  /** PostgreSQL: each SQL's statement name, and its text with `$n` placeholders. */
  private readonly named = new Map<string, { name: string; text: string }>();

  constructor(private readonly knex: Knex) {}

  /** Runs the query `build` makes for `shape` (built the first time) with `args`. */
  async run(
    shape: string,
    build: (knex: Knex) => Knex.QueryBuilder,
    args: Record<string, unknown>,
  ): Promise<Row[]> {
    let prepared = this.shapes.get(shape);
    let kept = true;
    if (!prepared) {
      const { sql, bindings } = build(this.knex).toSQL();
      prepared = {
        sql,
        bindings: bindings.map((value) =>
          typeof value === 'string' && value.startsWith(ARGUMENT_PREFIX)
            ? { argument: value.slice(ARGUMENT_PREFIX.length) }
            : { value },
        ),
      };
      kept = this.shapes.size < MAX_SHAPES;
      if (kept) this.shapes.set(shape, prepared);
    }
    const values = prepared.bindings.map((binding) => {
      if (!('argument' in binding)) return binding.value;
      if (!(binding.argument in args))
        throw new Error(`Missing query argument ${binding.argument}`);
      return args[binding.argument];
    });
    return this.execute(prepared.sql, values, kept);
  }

  /**
   * Runs a read on a connection of knex's pool with the statement kept prepared: a better-sqlite3
   * statement per connection, or a named PostgreSQL statement (parsed and planned once per
   * connection). knex's `query` event is emitted as for any query (logs, the tests' SQL counts).
   * Another database, or a shape past the bound (`kept` false), goes through `knex.raw`, so the
   * statements kept stay as few as the shapes.
   */
  private async execute(sql: string, values: unknown[], kept: boolean): Promise<Row[]> {
    const client = this.knex.client as unknown as KnexClient;
    if (!kept || (client.driverName !== 'better-sqlite3' && client.driverName !== 'pg')) {
      const result = (await this.knex.raw(sql, values as Knex.RawBinding[])) as
        Row[] | { rows: Row[] };
      return Array.isArray(result) ? result : result.rows;
    }
    client.emit('query', { sql, bindings: values, method: 'raw' });
    const connection = (await client.acquireConnection()) as object;
    try {
      if (client.driverName === 'better-sqlite3') {
        let statements = this.statements.get(connection);
        if (!statements) this.statements.set(connection, (statements = new Map()));
        let statement = statements.get(sql);
        if (!statement) {
          statement = (connection as SqliteConnection).prepare(sql);
          statements.set(sql, statement);
        }
        return statement.all(values);
      }
      let named = this.named.get(sql);
      if (!named) {
        named = {
          name: `newsroom-read-${this.named.size + 1}`,
          text: client.positionBindings(sql),
        };
        this.named.set(sql, named);
      }
      const result = await (connection as PostgresConnection).query({ ...named, values });
      return result.rows;
    } finally {
      await client.releaseConnection(connection);
    }
  }
}

/** `values` as the arguments of an {@link argumentList} named `name`. */
export const listArguments = (name: string, values: readonly unknown[]): Record<string, unknown> =>
  Object.fromEntries(values.map((value, index) => [`${name}.${index}`, value]));
