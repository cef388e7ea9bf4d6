#!/usr/bin/env node
// The command's entry, kept small and CommonJS so that Node starts it as fast as it can:
// - `--version` and `--help` are answered from dist/answers.json (written by the build from the CLI itself)
//   before anything else loads;
// - everything else runs dist/cli.cjs, one CommonJS bundle, compiled with the V8 code cache the build
//   keeps beside it (dist/cli.cjs.cache, or the command's own, dist/cli.cjs.<command>.cache), so that little is parsed or compiled at start-up. A cache made by
//   another Node version is rejected by V8 and the bundle is compiled as usual. The bundle wraps itself in
//   CommonJS's module function, so its text is compiled as read;
// - `simulate …` runs dist/simulate.cjs instead, the simulator's own light bundle (and code cache), which
//   hands the few command lines it does not read back to the full CLI.
'use strict';
/* global require, __dirname -- CommonJS (bin/package.json) */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS starts faster than an ES module */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const argv = process.argv.slice(2);

function answer() {
  if (argv.length !== 1) return null;
  const flag = argv[0];
  const version = flag === '--version' || flag === '-v';
  // Help is laid out for 80 columns: what commander prints when stdout is not a terminal (or 80 wide).
  const help = (flag === '--help' || flag === '-h') && (!process.stdout.isTTY || process.stdout.columns === 80);
  if (!version && !help) return null;
  try {
    const answers = JSON.parse(readFileSync(join(dist, 'answers.json'), 'utf8'));
    return version ? `${answers.version}\n` : answers.help;
  } catch {
    return null;
  }
}

/**
 * Runs one bundle of dist/ (`cli.cjs`, or `simulate.cjs`) from its text with the first of `caches` that
 * exists as its V8 code cache, and returns what it exports. `bundleRequire` is the require it is given
 * (by default one of its own file's).
 */
function runBundle(name, caches, bundleRequire) {
  const { Script } = require('node:vm');
  const file = join(dist, name);
  let cachedData;
  for (const cacheFile of caches) {
    try {
      cachedData = readFileSync(join(dist, cacheFile));
      break;
    } catch {
      cachedData = undefined;
    }
  }
  // The bundle is its own module function (scripts/build.ts): its text is compiled as it is, not copied
  // into Module.wrap's, and called with the arguments put in globalThis.__cpModuleArgs.
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const bundle = { exports: {} };
  const fileRequire = bundleRequire ?? require('node:module').createRequire(file);
  globalThis.__cpModuleArgs = [bundle.exports, fileRequire, bundle, file, dist];
  try {
    script.runInThisContext();
  } finally {
    delete globalThis.__cpModuleArgs;
  }
  // The build runs one command this way and keeps what V8 compiled for the next start.
  const cacheOut = process.env.CAPACITY_PLAN_WRITE_CODE_CACHE;
  if (cacheOut && bundle.exports.accepted !== false)
    process.on('exit', () => writeFileSync(cacheOut, script.createCachedData()));
  return bundle.exports;
}

/** The whole CLI. A command the build ran has a code cache of its own run (cli.cjs.export.cache…); the others use plan's. */
function runCli() {
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  runBundle('cli.cjs', /^[a-z]+$/.test(command) ? [`cli.cjs.${command}.cache`, 'cli.cjs.cache'] : ['cli.cjs.cache']);
}

/**
 * `simulate …` runs its light entry, dist/simulate.cjs (src/cli/simulate-main.ts): the simulator and its
 * output without the rest of the CLI, ~60 ms less to load. It takes the command lines it reads as the full
 * CLI does, and hands any other (--help, an unknown flag…) back, having done nothing: the full CLI runs it.
 */
function runSimulate() {
  // It requires nothing but Node's own modules: this file's require serves (node:module is not loaded).
  return runBundle('simulate.cjs', ['simulate.cjs.cache'], require).accepted === true;
}

const text = answer();
if (text !== null) process.stdout.write(text);
else if (argv[0] !== 'simulate' || !runSimulate()) runCli();
