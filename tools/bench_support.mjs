// Shared by the benchmark scripts: Chromium flags and serve.py on a free port for a directory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { chromiumArgs } from '../tests/browser/harness.mjs';

export function startServerFor(dir) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(repo, 'serve.py'), '--no-build', '--quiet', '--port', '0', '--dir', dir],
                       { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0], stop: () => proc.kill('SIGINT') });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`serve.py exited (${code}): ${out}`)));
  });
}
