// Runs chosen browser cases many times under a parallel load, each exactly as the suite runs it:
// the command, environment, working directory and time limit the case has in ctest (read from
// `ctest --show-only=json-v1` in build/native), so what fails here can fail in the suite. Not part
// of the suite.
//
//   node tools/stress_browser.mjs [--runs N] [--jobs J] [--burn K] [--load 'CMD'] [--timeout S] CASE...
//   node tools/stress_browser.mjs --runs 1 --left-out     every case the suite leaves out on an engine
//
//   CASE        a ctest name or regular expression over ctest's names, e.g.
//               browser.webkit.admin_reissue_end_to_end (engine and case in the name; the test
//               file is the one the suite uses); 'browser\.' is every browser case. Or
//               ENGINE:FILE:CASE for a case the suite does not run on that engine (README "Tests"),
//               e.g. webkit:pickup.test.mjs:pickup_ie_mode: run as the suite runs its browser cases
//               (under xvfb-run off Chromium), time limit --timeout (default 360 s)
//   --runs N    each case N times (default 10)
//   --jobs J    J runs at once (default 1; the suite runs 2)
//   --burn K    K busy-looping processes beside the runs: a CPU load on K cores
//   --timeout S the time limit of an ENGINE:FILE:CASE run
//   --left-out  adds LEFT_OUT below: the seed flows the suite runs on Chromium only (for its 30
//               minutes), on Firefox and WebKit
//   --load CMD  a shell command run again and again beside the runs (a concurrent build, e.g.
//               'cmake --build --preset native -j2 --clean-first'); stopped at the end
//
// Prints each run as it ends; then per case: passed / failed / skipped (and the runs the harness
// failed because the browser itself replaced the page or its driver stopped answering), each failure's message, the slowest run; and every process a run
// left behind (killed then). Exit status 0 when no run failed and none left a process.
// Run it niced on a shared machine: nice -n 10 node tools/stress_browser.mjs ...
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The seed flows the suite runs on Chromium only, for its 30 minutes on 2 cores (tests/CMakeLists.txt,
// README "Tests"): what they ask of an engine, the app-path pickup and the IndexedDB cases ask on
// every engine in the suite. Run before a release or after a change to engine-specific code.
const LEFT_OUT = ['firefox', 'webkit'].flatMap((e) => [
  `${e}:admin.test.mjs:admin_reissue_end_to_end`, `${e}:renewal.test.mjs:renewal_end_to_end`,
  `${e}:pickup.test.mjs:pickup_ie_mode`, `${e}:user_renewal.test.mjs:user_renewal_end_to_end`,
]).concat(['firefox:issuance.test.mjs:kill_mid_admin_renewal', 'firefox:issuance.test.mjs:kill_mid_user_renewal']);

function parseArgs(argv) {
  const o = { runs: 10, jobs: 1, burn: 0, load: null, timeout: 360, cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === '--runs') o.runs = +value();
    else if (a === '--jobs') o.jobs = +value();
    else if (a === '--burn') o.burn = +value();
    else if (a === '--load') o.load = value();
    else if (a === '--timeout') o.timeout = +value();
    else if (a === '--left-out') o.cases.push(...LEFT_OUT);
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else o.cases.push(a);
  }
  if (!o.cases.length) usage('name at least one case');
  for (const k of ['runs', 'jobs', 'timeout']) if (!(o[k] >= 1)) usage(`--${k} must be 1 or more`);
  return o;
}
function usage(why) {
  console.error(`stress_browser: ${why}\nusage: node tools/stress_browser.mjs [--runs N] [--jobs J] [--burn K] [--load 'CMD'] [--timeout S] [--left-out] CASE...`);
  process.exit(2);
}

// The suite's own definition of each case, from ctest; ENGINE:FILE:CASE as tests/CMakeLists.txt
// would define it.
function suiteCases(patterns, timeoutS) {
  const tests = new Map();
  for (const p of patterns) {
    const own = p.match(/^(chromium|firefox|webkit):([\w/.]+\.test\.mjs):(\w+)$/);
    if (own) {
      const [, engine, file, name] = own;
      const node = [process.execPath, path.join(repo, 'tests', 'browser', file), name];
      tests.set(p, {
        name: p, cwd: repo, env: { CERTPORTAL_ENGINE: engine }, timeoutMs: timeoutS * 1000, skipCode: 77,
        command: engine === 'chromium' ? node : ['xvfb-run', '-a', '-s', '-screen 0 1920x1200x24', ...node],
      });
      continue;
    }
    const json = execFileSync('ctest', ['--test-dir', path.join(repo, 'build', 'native'), '--show-only=json-v1', '-R', p],
                              { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const found = JSON.parse(json).tests.filter((t) => t.name.startsWith('browser.'));
    if (!found.length) usage(`no browser case in build/native matches ${p} (configure it: cmake --preset native)`);
    for (const t of found) {
      const prop = (n) => (t.properties || []).find((x) => x.name === n)?.value;
      tests.set(t.name, {
        name: t.name, command: t.command, cwd: prop('WORKING_DIRECTORY') || repo,
        env: Object.fromEntries((prop('ENVIRONMENT') || []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
        timeoutMs: (prop('TIMEOUT') || 1500) * 1000, skipCode: prop('SKIP_RETURN_CODE'),
      });
    }
  }
  return [...tests.values()];
}

// --- processes ----------------------------------------------------------------------------------
// {pid: {ppid, sid, start, cmd}} from /proc.
function processTable() {
  const table = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // after "pid (comm) "
      if (f[0] === 'Z') continue;
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(+d, { ppid: +f[1], sid: +f[3], start: f[19], cmd });
    } catch { /* gone meanwhile */ }
  }
  return table;
}

// The run's process and its descendants, seen every half second while it runs (a process whose
// parent died meanwhile is still known), and its session's members (it starts a session).
function watchDescendants(root) {
  const seen = new Map();  // pid → start time (a pid reused later is another process)
  const look = () => {
    const table = processTable();
    const mine = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, p] of table) if (!mine.has(pid) && (mine.has(p.ppid) || p.sid === root)) { mine.add(pid); grew = true; }
    }
    for (const pid of mine) if (table.has(pid) && pid !== root) seen.set(pid, table.get(pid).start);
  };
  look();
  const timer = setInterval(look, 500);
  return {
    // What still runs of what was seen (after the run's own process ended).
    leftovers() {
      clearInterval(timer);
      look();
      const table = processTable();
      return [...seen].filter(([pid, start]) => table.get(pid)?.start === start).map(([pid]) => ({ pid, cmd: table.get(pid).cmd }));
    },
  };
}

// --- one run ------------------------------------------------------------------------------------
const running = new Set();  // the process groups of the runs under way (ended on Ctrl-C too)
function runOnce(test) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(test.command[0], test.command.slice(1), {
      // The trace (tests/browser/person.mjs, engines.mjs) says where a slow run spent its time
      // and which of WebKit's looks at the page went unanswered (counted below).
      cwd: test.cwd, env: { ...process.env, ...test.env, CERTPORTAL_TEST_TRACE: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child.pid);
    const watch = watchDescendants(child.pid);
    let out = '', timedOut = false;
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, test.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child.pid);
      const seconds = (Date.now() - t0) / 1000;
      // Give what the run started a moment to end on its own before calling it left behind.
      setTimeout(() => {
        const left = watch.leftovers();
        for (const p of left) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ } }
        const status = timedOut ? 'fail' : code === 0 ? 'pass' : code === test.skipCode ? 'skip' : 'fail';
        // Failures of the browser rather than the portal, told apart by the harness's message.
        const browserFault = status === 'fail' && /replaced the page under the test|driver did not answer/.test(out);
        let message = '';
        if (timedOut) message = `killed at the suite's time limit (${test.timeoutMs / 1000} s)`;
        else if (status === 'fail') {
          const at = out.indexOf('FAIL ');
          message = at >= 0 ? out.slice(at).split('\n').slice(0, 4).join('\n') : `exit ${code ?? signal}: ${out.slice(-600)}`;
        }
        const unanswered = out.split('\n').filter((l) => l.includes('got no answer')).length;
        resolve({ name: test.name, status, seconds, message, browserFault, left, unanswered });
      }, 2000);
    });
  });
}

// --- load ---------------------------------------------------------------------------------------
function startLoad(opts) {
  const procs = [];
  for (let i = 0; i < opts.burn; i++)
    procs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore', detached: true }));
  let stopping = false;
  const loop = () => {
    if (stopping) return;
    const p = spawn('bash', ['-c', opts.load], { cwd: repo, stdio: 'ignore', detached: true });
    procs.push(p);
    p.on('exit', () => { procs.splice(procs.indexOf(p), 1); setTimeout(loop, 1000); });
  };
  if (opts.load) loop();
  const stop = () => {
    stopping = true;
    for (const pid of [...procs.map((p) => p.pid), ...running]) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stop(); process.exit(130); });
  return stop;
}

// --- main ---------------------------------------------------------------------------------------
const opts = parseArgs(process.argv.slice(2));
const tests = suiteCases(opts.cases, opts.timeout);
const queue = [];
for (let r = 0; r < opts.runs; r++) queue.push(...tests);
console.log(`stress_browser: ${tests.length} case(s) × ${opts.runs} run(s), ${opts.jobs} at once; load: ` +
            `${opts.burn} CPU burner(s)${opts.load ? ` and \`${opts.load}\` in a loop` : ''}; ${new Date().toISOString()}`);
const stopLoad = startLoad(opts);
const results = [];
let next = 0;
const t0 = Date.now();
await Promise.all(Array.from({ length: Math.min(opts.jobs, queue.length) }, async () => {
  while (next < queue.length) {
    const test = queue[next++];
    const r = await runOnce(test);
    results.push(r);
    console.log(`${String(results.length).padStart(3)}/${queue.length} ${r.status.toUpperCase().padEnd(4)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.name}` +
                (r.browserFault ? '  (the browser, not the portal)' : '') +
                (r.unanswered ? `  (${r.unanswered} look(s) at the page unanswered, given up)` : '') + (r.left.length ? `  (left ${r.left.length} process(es))` : ''));
    if (r.message) console.log('      ' + r.message.split('\n').join('\n      '));
  }
}));
stopLoad();

console.log(`\nstress_browser: ${results.length} runs in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
let bad = false;
for (const t of tests) {
  const mine = results.filter((r) => r.name === t.name);
  const count = (s) => mine.filter((r) => r.status === s).length;
  const slowest = mine.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const secs = mine.map((r) => r.seconds).sort((a, b) => a - b);
  console.log(`${t.name}: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped, ` +
              `${mine.filter((r) => r.browserFault).length} of the failures the browser's own, ` +
              `${mine.filter((r) => r.unanswered).length} with a look at the page unanswered; ` +
              `median ${secs[Math.floor(secs.length / 2)].toFixed(1)} s, slowest ${slowest.seconds.toFixed(1)} s ` +
              `(run ${results.indexOf(slowest) + 1}, ${slowest.status})`);
  for (const r of mine.filter((x) => x.status === 'fail')) console.log(`  failure (run ${results.indexOf(r) + 1}): ${r.message}`);
  for (const r of mine.filter((x) => x.left.length))
    console.log(`  left running after run ${results.indexOf(r) + 1}: ${r.left.map((p) => `${p.pid} ${p.cmd.slice(0, 120)}`).join('; ')}`);
  bad ||= count('fail') > 0 || mine.some((r) => r.left.length);
}
process.exit(bad ? 1 : 0);
