import { describe, expect, it } from 'vitest';
import { HALL_MIGRATIONS, splitStatements } from '../../../hall/server/store/migrations';

describe('splitting a migration into statements', () => {
  it('keeps a function body with its own semicolons in one statement', () => {
    const sql = `
      -- a comment; with a semicolon
      CREATE TABLE t (x int);
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO t VALUES (1);
        RETURN NULL;
      END;
      $$;
      CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$;
      INSERT INTO t (x) SELECT length('it''s; fine');
    `;
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(4);
    expect(statements[1]).toContain('RETURN NULL;\n      END;\n      $$');
    expect(statements[2]).toBe(`CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b' $body$`);
    expect(statements[3]).toBe(`INSERT INTO t (x) SELECT length('it''s; fine')`);
  });

  it('leaves positional parameters alone and drops comment-only lines', () => {
    expect(splitStatements('SELECT $1 + $2;\n-- done;\n')).toEqual(['SELECT $1 + $2']);
  });

  it('splits the shipped migrations into whole statements', () => {
    const first = splitStatements(HALL_MIGRATIONS[0]!.sql);
    expect(first.every((s) => /^CREATE (TABLE|INDEX) /.test(s))).toBe(true);
    const second = splitStatements(HALL_MIGRATIONS[1]!.sql);
    expect(second.filter((s) => s.startsWith('CREATE FUNCTION'))).toHaveLength(2);
    expect(second.at(-1)).toMatch(/^CREATE TRIGGER journal_rollup /);
  });
});
