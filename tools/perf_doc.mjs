// docs/perf.md is written by the benchmark scripts: each owns the text between its markers
// <!-- NAME:begin --> and <!-- NAME:end -->, and adds them (under `heading`) the first time.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const perf = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'perf.md');

export function writePerfSection(name, heading, section) {
  let text = readFileSync(perf, 'utf8');
  const begin = `<!-- ${name}:begin -->`, end = `<!-- ${name}:end -->`;
  if (!text.includes(begin)) text += `\n## ${heading}\n\n${begin}\n${end}\n`;
  const i = text.indexOf(begin), j = text.indexOf(end);
  writeFileSync(perf, text.slice(0, i + begin.length) + '\n' + section + '\n' + text.slice(j));
  console.log(`docs/perf.md: ${name} updated`);
}
