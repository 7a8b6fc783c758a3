import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

/**
 * The HTML report as a reader sees it, in headless Chromium (Debian package `chromium`; .ci/run installs it). Without
 * the browser the test is skipped on a developer's machine and fails in CI.
 */
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
if (CHROMIUM === undefined && process.env.CI === 'true') throw new Error('the HTML report test needs Chromium in CI: apt-get install chromium');

const dir = mkdtempSync(join(tmpdir(), 'sm-html-'));
// Several agents (one named like an attack), several days, a survey file for CSAT and NPS.
const tickets = join(dir, 'tickets.csv');
writeFileSync(
  tickets,
  [
    'id,created_at,first_response_minutes,resolution_minutes,agent,channel,customer_id',
    '1,2026-11-02T09:00:00Z,5,60,Max,email,a',
    '2,2026-11-02T10:00:00Z,30,600,Max,chat,b',
    '3,2026-11-03T09:00:00Z,10,120,<script>alert(1)</script>,chat,a',
    '4,2026-11-04T11:00:00Z,8,,Lea,email,c',
    '5,2026-11-05T11:00:00Z,40,300,Lea,email,c',
    '',
  ].join('\n'),
);

/** Chromium's DOM of the page after load, with a measuring script added at its end; and what it logged. */
function inBrowser(html: string): { dom: string; log: string } {
  const page = join(dir, 'measured.html');
  // The measuring script runs after the report: a size per chart, the page's text, the scripts on the page, and
  // whether anything called alert (the agent's <script> must stay text).
  const probe = `<script>
    const charts = [...document.querySelectorAll('svg')].map((s) => { const r = s.getBoundingClientRect(); return [r.width, r.height]; });
    const out = document.createElement('pre');
    out.id = 'probe';
    out.textContent = JSON.stringify({ charts, text: document.body.innerText, scripts: document.scripts.length, alerted: window.__alerted === true });
    document.body.appendChild(out);
  </script>`;
  writeFileSync(page, html.replace('<head>', '<head><script>window.alert = () => { window.__alerted = true; };</script>').replace('</body>', `${probe}</body>`));
  const result = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr', '--v=0', '--window-size=1200,2000', '--dump-dom', `file://${resolve(page)}`], { encoding: 'utf8', timeout: 60_000 });
  return { dom: result.stdout, log: result.stderr };
}

describe.skipIf(CHROMIUM === undefined)('--format html in a real browser (issue #14)', () => {
  it('every chart has a size, the headline values and verdicts are on the page, a <script> name is text, nothing logs an error', () => {
    const out = join(dir, 'report.html');
    const run = runBin(['report', tickets, 'fixtures/surveys.csv', '--tz', 'UTC', '--by', 'agent', '--period', 'day', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // self-contained: no script, no network
    const { dom, log } = inBrowser(html);
    const probe = JSON.parse(new DOMParserLite(dom).textOf('probe'));
    // Charts: FRT and ART spreads, four trends per day, three by agent, the NPS split.
    expect(probe.charts.length).toBeGreaterThanOrEqual(8);
    for (const [width, height] of probe.charts) {
      expect(width).toBeGreaterThan(0);
      expect(height).toBeGreaterThan(0);
    }
    // FRT 5, 30, 10, 8, 40 min: mean 18m 36s, missed against < 15 min; ART 60, 600, 120, 300 min: mean 4h 30m.
    expect(probe.text).toContain('18m 36s');
    expect(probe.text).toContain('✗ missed · target < 15 min');
    expect(probe.text).toContain('4h 30m');
    expect(probe.text).toContain('agent: <script>alert(1)</script>');
    expect(probe.scripts).toBe(2); // the two the test added
    expect(probe.alerted).toBe(false);
    expect(log).not.toMatch(/CONSOLE.*(Uncaught|Error)|Refused to/);
  });
});

/** The text of the element with an id in a DOM dump (the probe's JSON holds no `<`). */
class DOMParserLite {
  constructor(private readonly dom: string) {}
  textOf(id: string): string {
    const m = new RegExp(`<pre id="${id}">([^<]*)</pre>`).exec(this.dom);
    if (m === null) throw new Error(`no #${id} in the page`);
    return m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
}
