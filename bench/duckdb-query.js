// The reference: DuckDB computing FRT and ART count/mean/median/p90/min/max in one SQL query over the same file,
// with the SPEC's per-row rule (a filled export duration wins; timestamps are the fall-back), and the inline ratings'
// CSAT satisfied counts (Zendesk Good of Good/Bad; Bitrix24 5 = like of 5/1, 0 = none), the repeat contacts (a
// customer's ticket at most 7 days after their previous one: LAG over the customer's tickets by creation time) and
// Zendesk's reopen rate (resolved tickets with Reopens ≥ 1), as the tool's report has them.
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
             lower(trim("Satisfaction Score")) AS rating,
             nullif(trim("Requester id"), '') AS customer,
             epoch(try_strptime("Created at", '%Y-%m-%d %H:%M:%S %z')) AS created,
             TRY_CAST("Reopens" AS DOUBLE) AS reopens
      FROM read_csv('${path}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"'))
    SELECT ${stats('frt')}, ${stats('art')}, count(*) FILTER (WHERE rating = 'good')::DOUBLE AS csat_satisfied,
           count(*) FILTER (WHERE rating IN ('good', 'bad'))::DOUBLE AS csat_responses, ${repeats('t')},
           count(*) FILTER (WHERE art IS NOT NULL AND reopens >= 1)::DOUBLE AS reopened,
           count(art)::DOUBLE AS resolved FROM t`,
  // Bitrix24: the wait column is seconds and 0 means unanswered; dates are Moscow wall time (no DST), so
  // differences need no zone.
  bitrix24: `
    WITH t AS (
      SELECT coalesce(nullif(TRY_CAST("Ожидание ответа оператора" AS DOUBLE), 0),
                      epoch(try_strptime("Дата ответа оператора", '%d.%m.%Y %H:%M:%S')) - epoch(try_strptime("Дата создания", '%d.%m.%Y %H:%M:%S'))) AS frt,
             epoch(try_strptime("Дата закрытия", '%d.%m.%Y %H:%M:%S')) - epoch(try_strptime("Дата создания", '%d.%m.%Y %H:%M:%S')) AS art,
             trim("Оценка клиента") AS rating,
             nullif(trim("Клиент"), '') AS customer,
             epoch(try_strptime("Дата создания", '%d.%m.%Y %H:%M:%S')) AS created
      FROM read_csv('${path}', header = true, all_varchar = true, delim = ';', quote = '"', escape = '"'))
    SELECT ${stats('frt')}, ${stats('art')}, count(*) FILTER (WHERE rating = '5')::DOUBLE AS csat_satisfied,
           count(*) FILTER (WHERE rating IN ('5', '1'))::DOUBLE AS csat_responses, ${repeats('t')} FROM t`,
};

/** Repeat tickets (created at most 7 days after the same customer's previous ticket) and tickets with a customer. */
function repeats(t) {
  return `(SELECT count(*) FILTER (WHERE created - previous <= 7 * 86400)::DOUBLE
             FROM (SELECT created, lag(created) OVER (PARTITION BY customer ORDER BY created) AS previous FROM ${t} WHERE customer IS NOT NULL)) AS repeat_tickets,
          count(customer)::DOUBLE AS repeat_of`;
}

function stats(c) {
  return `count(${c})::DOUBLE AS ${c}_count, avg(${c}) AS ${c}_mean, quantile_cont(${c}, 0.5) AS ${c}_median,
          quantile_cont(${c}, 0.9) AS ${c}_p90, min(${c}) AS ${c}_min, max(${c}) AS ${c}_max`;
}

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(SQL[layout]);
const [row] = reader.getRowObjectsJson();
const pick = (c) => Object.fromEntries(['count', 'mean', 'median', 'p90', 'min', 'max'].map((k) => [k, Number(row[`${c}_${k}`])]));
const reopen = row.resolved === undefined ? {} : { reopen: { reopened: Number(row.reopened), resolved: Number(row.resolved) } };
process.stdout.write(
  JSON.stringify({ frt: pick('frt'), art: pick('art'), csat: { satisfied: Number(row.csat_satisfied), responses: Number(row.csat_responses) }, repeat: { repeatTickets: Number(row.repeat_tickets), tickets: Number(row.repeat_of) }, ...reopen }) + '\n',
);
