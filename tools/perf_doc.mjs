// docs/perf.md holds each benchmark's figures between <!-- NAME:begin --> and <!-- NAME:end -->:
// a benchmark run with --write replaces its own section (added before "## PKI core", under
// `heading`, the first time), and nothing else.
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
