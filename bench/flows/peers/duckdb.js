#!/usr/bin/env node
// DuckDB peer of the flows benchmark (bench/README.md, "Flows (issue 7, point 8)").
//   node bench/flows/peers/duckdb.js q1|q2|q3|all DATA_DIR OUT_DIR BLOCS_CSV
// Reads DATA_DIR/BACI_*.csv (t,i,j,k,v,q), writes OUT_DIR/q1.csv .. q3.csv in the answer format
// of bench/README.md. v is read as DOUBLE, as an analyst would. Threads: DuckDB's default (every
// core). @duckdb/node-api comes from build/bench/node (installed by bench/flows/run.sh) or
// from $DUCKDB_NODE_MODULES.
'use strict';
const path = require('path');

function duckdb() {
  const dirs = [process.env.DUCKDB_NODE_MODULES, path.join(__dirname, '../../../build/bench/node/node_modules')];
  for (const d of dirs) {
    if (!d) continue;
    try { return require(path.join(d, '@duckdb', 'node-api')); } catch (e) { /* next */ }
  }
  return require('@duckdb/node-api');
}

const lit = (s) => "'" + String(s).replace(/'/g, "''") + "'";

// The rows of the data folder; only the named columns are read (projection pushdown).
function csv(dir, cols) {
  return `(SELECT ${cols.join(', ')} FROM read_csv(${lit(path.join(dir, 'BACI_*.csv'))}, header = true,
    delim = ',', quote = '', escape = '', nullstr = ['NA', ''], auto_detect = false,
    columns = {'t': 'SMALLINT', 'i': 'SMALLINT', 'j': 'SMALLINT', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'DOUBLE'}))`;
}

const F17 = (x) => `printf('%.17g', ${x})`;
const F3 = (x) => `printf('%.3f', ${x})`;

const SQL = {
  q1: (R) => `WITH f AS (SELECT t, i, j, sum(v) AS v FROM ${R('t', 'i', 'j', 'v')} GROUP BY t, i, j),
    g AS (SELECT t, 'exp' AS side, i AS c, count(*) AS n, sum(v) AS s, sum(v * v) AS s2 FROM f GROUP BY t, i
          UNION ALL
          SELECT t, 'imp' AS side, j AS c, count(*) AS n, sum(v) AS s, sum(v * v) AS s2 FROM f GROUP BY t, j)
    SELECT t, side, c, n, ${F3('s')} AS total, ${F17('s2 / (s * s)')} AS hhi
    FROM g WHERE s > 0 ORDER BY t, side, c`,
  q2: (R, blocs) => `WITH f AS (SELECT t, i, j, sum(v) AS v FROM ${R('t', 'i', 'j', 'v')} GROUP BY t, i, j),
    b AS (SELECT code, bloc FROM read_csv(${lit(blocs)}, header = true, auto_detect = false,
          columns = {'code': 'SMALLINT', 'bloc': 'VARCHAR', 'iso3': 'VARCHAR'})),
    x AS (SELECT t, i AS c, j AS p, v FROM f UNION ALL SELECT t, j AS c, i AS p, v FROM f),
    y AS (SELECT t, c, coalesce(b.bloc, 'OTHER') AS bloc, v FROM x LEFT JOIN b ON x.p = b.code),
    g AS (SELECT t, c, sum(v) AS s,
            coalesce(sum(v) FILTER (WHERE bloc = 'EAEU_RU'), 0) AS e,
            coalesce(sum(v) FILTER (WHERE bloc = 'CHN'), 0) AS h,
            coalesce(sum(v) FILTER (WHERE bloc = 'WEST'), 0) AS w,
            coalesce(sum(v) FILTER (WHERE bloc = 'OTHER'), 0) AS o
          FROM y GROUP BY t, c)
    SELECT t, c, ${F3('s')} AS total, ${F17('e / s')} AS eaeu_ru, ${F17('h / s')} AS chn,
      ${F17('w / s')} AS west, ${F17('o / s')} AS other
    FROM g WHERE s > 0 ORDER BY t, c`,
  q3: (R) => `WITH g AS (SELECT t, j, sum(v) AS s, sum(v * v) AS s2, max(v) AS m
                 FROM ${R('t', 'j', 'k', 'v')} GROUP BY t, j, k HAVING sum(v) > 0),
    h AS (SELECT t, j, m / s AS top, s2 / (s * s) AS hhi FROM g)
    SELECT t, j, count(*) AS n_products, count(*) FILTER (WHERE top > 0.5 AND hhi > 0.4) AS n_dep,
      ${F17('sum(top)')} AS sum_top, ${F17('sum(hhi)')} AS sum_hhi
    FROM h GROUP BY t, j ORDER BY t, j`,
};

async function main() {
  const [q, dir, out, blocs] = process.argv.slice(2);
  if (process.argv.length !== 6 || !(q === 'all' || SQL[q])) {
    console.error('usage: node duckdb.js q1|q2|q3|all DATA_DIR OUT_DIR BLOCS_CSV');
    process.exit(2);
  }
  const { DuckDBInstance } = duckdb();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run('SET preserve_insertion_order = false');
  const write = (name, sql) =>
    con.run(`COPY (${sql}) TO ${lit(path.join(out, name + '.csv'))} (HEADER, DELIMITER ',', QUOTE '')`);
  if (q === 'all') {   // load once, then the three queries
    await con.run(`CREATE TABLE rows AS SELECT * FROM ${csv(dir, ['t', 'i', 'j', 'k', 'v'])}`);
    const R = (...cols) => `(SELECT ${cols.join(', ')} FROM rows)`;
    for (const name of ['q1', 'q2', 'q3']) await write(name, SQL[name](R, blocs));
  } else {
    await write(q, SQL[q]((...cols) => csv(dir, cols), blocs));
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
