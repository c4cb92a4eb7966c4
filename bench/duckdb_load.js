#!/usr/bin/env node
// bench/duckdb_load.js DBFILE CSV... - DuckDB's load of each CSV into a table of a file-backed
// database (CREATE TABLE tN AS SELECT * FROM read_csv(CSV), types sniffed as DuckDB does by
// default), the peer of `mvec import` in bench/import_bench.sh. Prints the rows of each table.
// @duckdb/node-api is installed by import_bench.sh into build/bench/node.
'use strict';
const path = require('path');
const { DuckDBInstance } = require(path.join(__dirname, '..', 'build', 'bench', 'node',
  'node_modules', '@duckdb', 'node-api'));

async function main() {
  const [db, ...files] = process.argv.slice(2);
  if (!db || files.length === 0) {
    console.error('usage: node duckdb_load.js DBFILE CSV...');
    process.exit(2);
  }
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  for (let i = 0; i < files.length; i++) {
    const file = "'" + files[i].replace(/'/g, "''") + "'";
    await connection.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv(${file})`);
    const rows = await connection.runAndReadAll(`SELECT count(*) FROM t${i}`);
    console.log(`${files[i]}: ${rows.getRows()[0][0]} rows`);
  }
  connection.closeSync();
}
main().catch((e) => { console.error(e); process.exit(1); });
