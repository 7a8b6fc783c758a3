import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin (npm test builds first) as a user would, without colour. */
export function runBin(args: string[], env: Record<string, string> = {}, stdin?: Buffer | string, cwd?: string): BinResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, ...(stdin === undefined ? {} : { input: stdin }), ...(cwd === undefined ? {} : { cwd }) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
