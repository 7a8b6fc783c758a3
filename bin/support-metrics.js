#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

const color = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
const write = (stream) => (text) => stream.write(text);
process.exitCode = await main(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr), color });
