// `npm run aggregate`: enterprise-level records → the dashboard's canonical long CSV, with DuckDB (docs/scaling.md).
// aggregate.mjs is the command line; the work is split by concern, and this module is their one door:
//   paths.mjs    where the SQL, the default mapping and the repo's data are
//   fields.mjs   the firm-level fields the SQL reads and the indicators each feeds
//   units.mjs    unit factors to the SQL's units; the check against data/indicators.json's units
//   mapping.mjs  which input column feeds each field (header names and units, mapping files)
//   sql.mjs      the firms view, the params block, to_long.sql filled in (text only)
//   inputs.mjs   each input → a DuckDB relation (CSV, GB18030, Parquet files and folders)
//   xlsx.mjs     one visible sheet of an .xlsx → CSV (SheetJS)
//   run.mjs      the run itself, with DuckDB loaded only then
//   summary.mjs  the summary the command prints
export * from './paths.mjs';
export * from './fields.mjs';
export * from './units.mjs';
export * from './mapping.mjs';
export * from './sql.mjs';
export * from './inputs.mjs';
export * from './xlsx.mjs';
export * from './run.mjs';
export * from './summary.mjs';
