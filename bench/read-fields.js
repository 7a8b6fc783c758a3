// Reads a file through the library with a given set of optional fields parsed, for the memory figure of text columns
// kept as codes: run it twice (with and without the grouping fields) and compare peak RSS.
// Usage: node bench/read-fields.js FILE [field,field…]
import { readDatasets, Zone } from '../dist/index.js';

const [file, fields = ''] = process.argv.slice(2);
const wanted = ['first_response_minutes', 'first_response_at', 'resolution_minutes', 'resolved_at', ...fields.split(',').filter(Boolean)];
const result = await readDatasets([{ name: file, kind: 'tickets' }], { zone: new Zone('UTC'), fields: wanted });
const dataset = result.datasets[0];
const texts = Object.fromEntries(Object.entries(dataset.texts).map(([field, column]) => [field, column.values.length - 1]));
console.log(JSON.stringify({ rows: dataset.rows, distinctValues: texts }));
