// The Drizzle schema written out as SQL (tables, columns with their types, defaults and identities,
// primary keys, unique and check constraints, indexes, sequences), so a database built from it can
// be compared with the migrated one through Postgres's own catalog. Foreign keys come last, once
// every table they point at exists.
import { getTableName, is, SQL } from "drizzle-orm";
import { getTableConfig, PgDialect, PgSequence, PgTable, type IndexedColumn, type PgColumn } from "drizzle-orm/pg-core";

const dialect = new PgDialect();
const name = (n: string) => `"${n.replace(/"/g, '""')}"`;
const literal = (value: unknown): string => {
  if (value === null) return "null";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  return literal(JSON.stringify(value));
};

/** An SQL fragment as a statement would hold it: columns unqualified, parameters inlined. */
export function render(fragment: SQL): string {
  const { sql, params } = dialect.sqlToQuery(fragment, "indexes");
  return sql.replace(/\$(\d+)/g, (_, i) => literal(params[Number(i) - 1]));
}

function columnSql(table: string, c: PgColumn): string {
  const parts = [name(c.name), c.getSQLType()];
  if (c.generatedIdentity)
    parts.push(`generated ${c.generatedIdentity.type === "always" ? "always" : "by default"} as identity`);
  if (c.generated) parts.push(`generated always as (${render(c.generated.as as SQL)}) stored`);
  // A numeric column's default is a decimal string in Drizzle, a number in SQL.
  const isNumeric = c.getSQLType().startsWith("numeric") && typeof c.default === "string";
  if (c.default !== undefined)
    parts.push(`default ${is(c.default, SQL) ? render(c.default) : isNumeric ? c.default : literal(c.default)}`);
  if (c.notNull && !c.primary) parts.push("not null");
  if (c.primary) parts.push("primary key");
  if (c.isUnique)
    parts.push(c.uniqueName === `${table}_${c.name}_unique` ? "unique" : `constraint ${name(c.uniqueName!)} unique`);
  return parts.join(" ");
}

function tableSql(table: PgTable): string[] {
  const config = getTableConfig(table);
  const t = config.name;
  const lines = config.columns.map((c) => columnSql(t, c));
  for (const pk of config.primaryKeys) {
    const isDefault = pk.getName() === `${t}_${pk.columns.map((c) => c.name).join("_")}_pk`;
    lines.push(
      `${isDefault ? "" : `constraint ${name(pk.getName())} `}primary key (${pk.columns.map((c) => name(c.name)).join(", ")})`,
    );
  }
  for (const u of config.uniqueConstraints) {
    const isDefault = u.getName() === `${t}_${u.columns.map((c) => c.name).join("_")}_unique`;
    lines.push(
      `${isDefault ? "" : `constraint ${name(u.getName()!)} `}unique${u.nullsNotDistinct ? " nulls not distinct" : ""} (${u.columns.map((c) => name(c.name)).join(", ")})`,
    );
  }
  for (const check of config.checks) lines.push(`constraint ${name(check.name)} check (${render(check.value)})`);
  const statements = [`create table ${name(t)} (\n  ${lines.join(",\n  ")}\n)`];
  for (const { config: i } of config.indexes) {
    const columns = i.columns.map((c) => {
      if (is(c, SQL)) return render(c);
      const column = c as IndexedColumn;
      const { order, nulls, opClass } = column.indexConfig ?? {};
      return [name(column.name!), opClass, order, nulls && `nulls ${nulls}`].filter(Boolean).join(" ");
    });
    const where = i.where ? ` where ${render(i.where)}` : "";
    statements.push(
      `create ${i.unique ? "unique " : ""}index ${name(i.name!)} on ${name(t)} using ${i.method ?? "btree"} (${columns.join(", ")})${where}`,
    );
  }
  return statements;
}

function foreignKeySql(table: PgTable): string[] {
  const config = getTableConfig(table);
  return config.foreignKeys.map((fk) => {
    const { columns, foreignColumns } = fk.reference();
    const isDefault = !fk.reference().name;
    const target = getTableName(foreignColumns[0].table);
    const list = (cs: { name: string }[]) => cs.map((c) => name(c.name)).join(", ");
    return `alter table ${name(config.name)} add ${isDefault ? "" : `constraint ${name(fk.getName())} `}foreign key (${list(columns)}) references ${name(target)} (${list(foreignColumns)}) on delete ${fk.onDelete} on update ${fk.onUpdate}`;
  });
}

/** Statements that build every sequence and table the schema module declares. */
export function schemaSql(schema: Record<string, unknown>): string[] {
  const values = Object.values(schema);
  const sequences = values
    .filter((v): v is PgSequence => is(v, PgSequence))
    .map((s) => `create sequence ${name(s.seqName!)}`);
  const tables = values
    .filter((v): v is PgTable => is(v, PgTable))
    .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));
  return [...sequences, ...tables.flatMap(tableSql), ...tables.flatMap(foreignKeySql)];
}
