// docs/perf.md holds each benchmark's figures between <!-- NAME:begin --> and <!-- NAME:end -->:
// a benchmark run with --write replaces its own section (added before "## PKI core", under
// `heading`, the first time), and nothing else.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const perf = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'perf.md');

export function writePerfSection(name, heading, section) {
  let text = readFileSync(perf, 'utf8');
  const begin = `<!-- ${name}:begin -->`, end = `<!-- ${name}:end -->`;
  if (text.indexOf(begin) < 0) {
    const at = text.indexOf('## PKI core');
    const block = `## ${heading}\n\n${begin}\n${end}\n\n`;
    text = at < 0 ? text + '\n' + block : text.slice(0, at) + block + text.slice(at);
  }
  const i = text.indexOf(begin), j = text.indexOf(end);
  writeFileSync(perf, text.slice(0, i + begin.length) + '\n' + section + '\n' + text.slice(j));
  console.log('docs/perf.md updated');
}

// The line every section starts with: when, by what, on which browser, and how busy the machine
// was (the figures are only as quiet as the machine).
export function measuredLine(script, setting) {
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().split(' ')[1];
  const load = execFileSync('uptime').toString().trim().replace(/^.*load average/, 'load average');
  return `Measured ${new Date().toISOString().slice(0, 10)} by \`node ${script}\` (Chromium ${chromium}, ${setting}; 2 cores, \`uptime\` at the end: ${load}).`;
}
