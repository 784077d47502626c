// Test-only preload (node --require): writes what the process loaded into the file MTAD_TEST_LOADED
// names, as JSON, when it exits: the bundles of dist/ it read (start.cjs reads each one with
// fs.readFileSync before it runs it), the modules of Node it required (process.moduleLoadList), and
// how it ended: by process.exit, or by Node once nothing was left to run.
'use strict';
const fs = require('node:fs');

const readFileSync = fs.readFileSync;
const bundles = [];
fs.readFileSync = function (path, ...rest) {
  if (typeof path === 'string' && /[\\/]dist[\\/][\w.-]+\.cjs$/.test(path)) bundles.push(path.replace(/^.*[\\/]/, ''));
  return readFileSync.call(this, path, ...rest);
};
const before = new Set(process.moduleLoadList);
let ended = 'by itself';
const exit = process.exit;
process.exit = function (...args) {
  ended = 'process.exit';
  return exit.apply(this, args);
};
process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((entry) => !before.has(entry) && entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
  fs.writeFileSync(process.env.MTAD_TEST_LOADED, JSON.stringify({ bundles, builtins, ended }));
});
