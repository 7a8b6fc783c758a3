// The reference: DuckDB computing FRT and ART count/mean/median/p90/min/max in one SQL query over the same file,
// with the SPEC's per-row rule (a filled export duration wins; timestamps are the fall-back), and the inline ratings'
// CSAT satisfied counts (Zendesk Good of Good/Bad; Bitrix24 5 = like of 5/1, 0 = none), as the tool's report has them.
// Usage: node bench/duckdb-query.js zendesk|bitrix24 FILE THREADS  → prints the statistics as JSON.
import { DuckDBInstance } from '@duckdb/node-api';

const [layout, file, threads = '2'] = process.argv.slice(2);
const path = file.replaceAll("'", "''");

// all_varchar: read every cell as text and convert in SQL, as the tool does; DuckDB's own casts of
// `2026-11-02 14:05:09 +0000` fail or silently give NULL, strptime with %z reads it.
const SQL = {
  zendesk: `
    WITH t AS (
      SELECT TRY_CAST("First reply time in minutes" AS DOUBLE) * 60 AS frt,
             coalesce(TRY_CAST("Full resolution time in minutes" AS DOUBLE) * 60,
                      epoch(try_strptime("Solved at", '%Y-%m-%d %H:%M:%S %z')) - epoch(try_strptime("Created at", '%Y-%m-%d %H:%M:%S %z'))) AS art,
             lower(trim("Satisfaction Score")) AS rating
      FROM read_csv('${path}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"'))
    SELECT ${stats('frt')}, ${stats('art')}, count(*) FILTER (WHERE rating = 'good')::DOUBLE AS csat_satisfied,
           count(*) FILTER (WHERE rating IN ('good', 'bad'))::DOUBLE AS csat_responses FROM t`,
  // Bitrix24: the wait column is seconds and 0 means unanswered; dates are Moscow wall time (no DST), so
  // differences need no zone.
  bitrix24: `
    WITH t AS (
      SELECT coalesce(nullif(TRY_CAST("Ожидание ответа оператора" AS DOUBLE), 0),
                      epoch(try_strptime("Дата ответа оператора", '%d.%m.%Y %H:%M:%S')) - epoch(try_strptime("Дата создания", '%d.%m.%Y %H:%M:%S'))) AS frt,
             epoch(try_strptime("Дата закрытия", '%d.%m.%Y %H:%M:%S')) - epoch(try_strptime("Дата создания", '%d.%m.%Y %H:%M:%S')) AS art,
             trim("Оценка клиента") AS rating
      FROM read_csv('${path}', header = true, all_varchar = true, delim = ';', quote = '"', escape = '"'))
    SELECT ${stats('frt')}, ${stats('art')}, count(*) FILTER (WHERE rating = '5')::DOUBLE AS csat_satisfied,
           count(*) FILTER (WHERE rating IN ('5', '1'))::DOUBLE AS csat_responses FROM t`,
};

function stats(c) {
  return `count(${c})::DOUBLE AS ${c}_count, avg(${c}) AS ${c}_mean, quantile_cont(${c}, 0.5) AS ${c}_median,
          quantile_cont(${c}, 0.9) AS ${c}_p90, min(${c}) AS ${c}_min, max(${c}) AS ${c}_max`;
}

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(SQL[layout]);
const [row] = reader.getRowObjectsJson();
const pick = (c) => Object.fromEntries(['count', 'mean', 'median', 'p90', 'min', 'max'].map((k) => [k, Number(row[`${c}_${k}`])]));
process.stdout.write(JSON.stringify({ frt: pick('frt'), art: pick('art'), csat: { satisfied: Number(row.csat_satisfied), responses: Number(row.csat_responses) } }) + '\n');
