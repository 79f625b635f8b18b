#!/usr/bin/env node
// Decides every case of a JSON Lines file with the GoRules ZEN engine (its Node binding over
// the Rust core) and writes one JSON line per case: {"scars": [{id, verdict, plan,
// combinations, avoid, precautions}]}. The decision model is loaded once; each scar is one
// evaluation with the context {patient, scar}, since the model decides one scar site at a time.
//
//   node zen_run.js MODEL.jdm.json CASES.jsonl OUT.jsonl [--concurrency N]
//
// --concurrency 1 (the default) awaits each evaluation before the next, as one thread of a
// service would; N > 1 keeps N cases in flight, which lets the binding use its worker threads.
// Prints one JSON object on standard output: cases, scars, and the seconds spent deciding
// (reading and parsing the cases, evaluating, rendering and writing the results; the process
// start, loading the module and the model are excluded) together with cases per second.
'use strict';

const fs = require('fs');
const { ZenEngine } = require('@gorules/zen-engine');

function parseArgs(argv) {
  const args = { concurrency: 1, files: [] };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--concurrency') args.concurrency = Number(argv[++i]);
    else args.files.push(argv[i]);
  }
  if (args.files.length !== 3 || !(args.concurrency >= 1)) {
    process.stderr.write('usage: zen_run.js MODEL.jdm.json CASES.jsonl OUT.jsonl [--concurrency N]\n');
    process.exit(2);
  }
  return args;
}

let scarCount = 0;

async function decideCase(decision, line) {
  const c = JSON.parse(line);
  const scars = [];
  for (const scar of c.scars) {
    const response = await decision.evaluate({ patient: c.patient, scar });
    scars.push({ id: scar.id, ...response.result });
  }
  scarCount += scars.length;
  return JSON.stringify({ scars });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [modelFile, casesFile, outFile] = args.files;
  const engine = new ZenEngine();
  const decision = engine.createDecision(fs.readFileSync(modelFile));

  const start = process.hrtime.bigint();
  const lines = fs.readFileSync(casesFile, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const out = new Array(lines.length);
  for (let i = 0; i < lines.length; i += args.concurrency) {
    const batch = lines.slice(i, i + args.concurrency);
    if (args.concurrency === 1) {
      out[i] = await decideCase(decision, batch[0]);
    } else {
      const done = await Promise.all(batch.map((line) => decideCase(decision, line)));
      for (let j = 0; j < done.length; ++j) out[i + j] = done[j];
    }
  }
  fs.writeFileSync(outFile, out.join('\n') + '\n');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  engine.dispose();
  process.stdout.write(JSON.stringify({
    engine: 'zen', version: require('@gorules/zen-engine/package.json').version,
    concurrency: args.concurrency, cases: lines.length, scars: scarCount, seconds,
    cases_per_second: lines.length / seconds,
  }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`zen_run.js: ${error.message || error}\n`);
  process.exit(2);
});
