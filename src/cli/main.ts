import { existsSync, writeFileSync } from 'node:fs';
import { CONFIG_FILE, STARTER_CONFIG } from './config-file.js';
import { Command, CommanderError, Option } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { PRESETS } from '../presets/index.js';
import { DEFAULT_PROFILE } from '../targets/profiles.js';
import { runMetrics } from './metrics.js';
import { normaliseReadOptions, normaliseReportOptions, OUTPUT_FORMATS, type RawReadOptions, type RawReportOptions } from './options.js';
import { runValidate } from './validate.js';
import { runReport, type CommandIo } from './report.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Builds the commander program; `run` resolves to the exit code (SPEC §7: 0 done, 1 target missed, 2 error). */
export function buildProgram(io: CommandIo, setExitCode: (code: number) => void, argv: readonly string[] = []): Command {
  const program = new Command('support-metrics')
    .description('Support KPIs (FRT, ART, ticket volume …) from help-desk exports, against benchmark targets')
    .version('0.1.0')
    .exitOverride()
    // Every error starts the same way, option errors too: `support-metrics: unknown option '--bogus'`.
    // One line, as every other error: the hint to --help on it, not under it.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`support-metrics: ${text.replace(/^error: /, '').trimEnd()} (run with --help for usage)\n`) })
    .showHelpAfterError(false);

  withReadOptions(
    program
      .command('report')
      .description('read exports and print the KPI report')
      .argument('[files...]', 'exports (CSV, .xlsx, HTML/XML ".xls", .gz, - for stdin); the kind of each is detected from its headers'),
  )
    .option('--since <date>', 'only rows at or after this date/time (tickets by created_at; in --tz)')
    .option('--until <date>', 'only rows before this date/time (exclusive, in --tz)')
    .option('--window <window>', 'last-week, last-month, YYYY-Www (ISO week) or YYYY-MM, in --tz (instead of --since/--until)')
    .option('--as-of <date>', 'the day relative windows count from (default: today in --tz), for reproducible reports')
    .option('--benchmark <profile>', 'target profile', DEFAULT_PROFILE)
    .option('--period <period>', 'also every metric per day, week (ISO, from Monday) or month, in --tz')
    .option('--compare <what>', 'previous: every ticket and survey metric against the previous window, with whether the change is real')
    .option('--config <file>', 'read defaults and targets from this JSON file (default: ./support-metrics.config.json when present)')
    .option('--by <fields>', 'also every metric per group: channel, agent, team, priority, category (comma-separated)')
    .option('--business-hours', "FRT and ART in business time: the export's business-hours columns, else the config's businessCalendar")
    .option('--no-business-hours', 'calendar time even when the config says businessHours: true')
    .option('--repeat-window <days>', "a customer's ticket within this many days after their previous one is a repeat contact", '7')
    .option('--format <format>', `output format: ${OUTPUT_FORMATS.join(', ')} (default: from --out's extension, else table)`)
    .option('--out <file>', 'write the report to a file (format from the extension) instead of stdout; - is stdout')
    .option('--fail-on-miss', 'exit with code 1 when a metric misses its target, or when no metric with a target has data')
    .option('--strict', 'stop with exit code 2 and no report when any row is rejected')
    .option('--stamp', 'write the time of the run into the report (without it the same inputs give the same bytes)')
    .option('--details <file>', 'write the rows behind the numbers, one per ticket with its FRT, ART, repeat flag, group keys and the targets it breached (.csv or .xlsx)')
    .option('--rejects <file>', 'write every rejected row with its line and reason as CSV; - is stdout (then the report needs --out FILE)')
    .option('--quiet', 'print no notes and warnings on stderr (rejections are still counted in the report)')
    .option('--debug', 'show stack traces of unexpected errors')
    .addHelpText(
      'after',
      `
Exit codes: 0 done; 1 a target missed (or nothing to check) with --fail-on-miss; 2 a usage or input error.

Examples:
  support-metrics report tickets.csv
      the KPI table of a help-desk export against the saas targets
  support-metrics report zendesk.csv surveys.csv --tz Europe/Berlin --window last-week --by agent --compare previous
      last week per agent, and whether each change against the week before is real
  support-metrics report tickets.csv --window 2026-11 --out report.html --fail-on-miss
      a monthly HTML report for a CI job that fails when a target is missed`,
    )
    .action(async (files: string[], raw: RawReportOptions) => {
      setExitCode(await runReport(normaliseReportOptions(files, raw, argv), io));
    });

  withReadOptions(
    program
      .command('validate')
      .description('read and validate only: how each file was read (format, kind, preset, columns, value formats) and its rejected rows')
      .argument('[files...]', 'exports to check (CSV, .xlsx, HTML/XML ".xls", .gz, - for stdin)'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--debug', 'show stack traces of unexpected errors')
    .addHelpText(
      'after',
      `
Exit codes: 0 read (rows may be rejected: they are listed); 2 a file cannot be read at all.

Examples:
  support-metrics validate tickets.csv
      how the file was read: format, kind, preset, each column and its value format, rejected rows
  support-metrics validate export.xls --preset bitrix24 --tz Europe/Moscow
      the same with the layout and zone forced
  support-metrics validate tickets.csv --format json | jq '.files[0].columns'
      the same as JSON, for scripts`,
    )
    .action(async (files: string[], raw: RawReadOptions & { format: 'text' | 'json' }) => {
      setExitCode(await runValidate(normaliseReadOptions(files, raw, 'validate', argv), raw.format, io));
    });

  program
    .command('init')
    .description(`write a commented starter ${CONFIG_FILE} in the working folder (never over an existing one)`)
    .action(() => {
      if (existsSync(CONFIG_FILE)) throw new UsageError(`${CONFIG_FILE} exists already; edit it, or remove it to start again`);
      writeFileSync(CONFIG_FILE, STARTER_CONFIG, { flag: 'wx' });
      io.stdout(`wrote ${CONFIG_FILE}: the report reads it from this folder; every command-line option overrides it\n`);
    });

  program
    .command('metrics')
    .description('list every metric with its definition, unit, direction, default target and source')
    .action(() => {
      setExitCode(runMetrics(io));
    });

  return program;
}

/** The options every command that reads exports takes. */
function withReadOptions(command: Command): Command {
  return command
    .option('--tickets <file>', 'a ticket export (repeatable; several files of a kind are one data set)', collect)
    .option('--surveys <file>', 'a survey export (repeatable)', collect)
    .option('--spend <file>', 'a marketing/sales/service spend sheet (repeatable)', collect)
    .option('--subscriptions <file>', 'a subscriptions export (repeatable)', collect)
    .option('--finance <file>', 'a monthly finance sheet (repeatable)', collect)
    .option('--sheet <name>', 'the sheet of a workbook to read (default: the first; or file.xlsx#Sheet)')
    .option('--preset <name>', `force an export layout: ${PRESETS.map((p) => p.name).join(', ')} (default: best match)`)
    .option('--map <field=Header>', 'map a canonical field to a header (repeatable), e.g. created_at="Opened on"', collect)
    .option('--tz <zone>', 'IANA time zone of timestamps written without an offset (and of workbook dates); also of --since/--until', 'UTC')
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, windows-1251 …)')
    .option('--delimiter <char>', 'force the CSV delimiter: , ; | or tab')
    .option('--date-format <format>', 'force timestamp format: ISO, DD.MM.YYYY, MM/DD/YYYY, DD/MM/YYYY, unix-s, unix-ms')
    .option('--decimal <sep>', 'force the decimal separator of numbers: . or ,')
    .option('--currency <code>', 'keep the amounts in this currency when the inputs hold several (the other rows are skipped and counted)')
    .option('--scale <survey=MIN-MAX>', 'a survey scale (repeatable): csat=1-7, nps=0-10, ces=1-7:higher-better; answers off it are rejected', collect)
    .option('--max-field-size <bytes>', 'refuse a file with a field (cell) larger than this many bytes (default 10485760, 10 MiB)')
    .option('--max-columns <n>', 'refuse a file with a row of more columns than this (default 16384, as Excel)');
}

/** Runs the CLI on `argv` (without node and script); never throws: errors become one line on stderr and exit 2. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    argv,
  );
  // A bare command shows what there is to run, and is not a run: exit 2.
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof InputError || error instanceof UsageError) {
      io.stderr(`support-metrics: ${error.message}\n`);
      if (argv.includes('--debug')) io.stderr(`${error.stack}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`support-metrics: unexpected error: ${message}${argv.includes('--debug') ? '' : ' (run with --debug for details, and please report it)'}\n`);
    if (argv.includes('--debug') && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

export { ignoreStderrErrors, watchStdout } from './standard-streams.js';
