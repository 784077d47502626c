// ESLint here guards the architecture (Prettier formats; tsc checks types): which layer may import
// what, and which code may touch the process, the console or the clock. A change that crosses a
// layer fails `npm test` with the reason. Of style it holds one thing Prettier cannot: the length
// of a line, which Prettier leaves long where a string or a comment is (the last block).
//
// Import boundaries use `no-restricted-imports` (typescript-eslint's version of the core rule, for
// `allowTypeImports`) with one block per folder, rather than eslint-plugin-boundaries:
// - every import inside src/ is relative and tsconfig has no path aliases, so a specifier names the
//   layer's folder (`../io/read.js`, `../../render/pack.js`) and a glob on it is as exact as
//   resolving the file, with no import resolver to install and keep in step with NodeNext's
//   `.js`-for-`.ts` specifiers;
// - it needs no type information and no module graph: linting src/ takes a few seconds;
// - the exceptions are plain data, by file and by imported name.
// The core rule does not look at `import()`; `no-restricted-syntax` covers it below.
// tests/unit/architecture.test.ts lints a forbidden line for each rule and layer through ESLint's
// Node API, so that a glob that stops matching fails a test instead of letting everything through.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

const DOMAIN_WHY = 'the domain is pure: data in, data out; the CLI and the application layer gather and write';
const RENDER_WHY = 'a renderer turns data into text or bytes and returns them; it never reads, writes or runs';
const IO_WHY = 'io reads and writes bytes; what they mean is decided above it';
const APP_WHY = 'a use case plans from gathered inputs and returns what to print and write; the CLI reads and writes';

/** A specifier that goes through src/<name>/: `../io/read.js`, `../../render/pack.js`. */
const forbidLayer = (name, why) => ({ group: [`**/${name}/**`], message: `${why} (nothing from src/${name}/).` });

// Bare built-in names are matched exactly (as `paths`), never as globs: `domain`, `path` or `test`
// as a glob would match any relative specifier through a folder of that name.
const nodeBuiltins = (message, names = builtinModules) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [{ group: names === builtinModules ? ['node:*'] : names.map((name) => `node:${name}`), message }],
});

/** The options of the import rule: the forbidden patterns, and the Node built-ins if any. */
const restricted = (patterns, builtins = { paths: [], patterns: [] }) => ({
  paths: builtins.paths,
  patterns: [...builtins.patterns, ...patterns],
});

// The parser turns YAML text into tables and amendments (domain/parse, and the model's parseTable and
// parseAmendment); the check, history and documents stages work on what it returns. io hands bytes up
// and may still name the parsed types.
const PARSER = ['model/table', 'model/amendment', 'check/**', 'history/**', 'documents/**'].map(
  (name) => `**/domain/${name}.js`,
);
const parserImports = {
  group: [...PARSER, '**/domain/parse/**'],
  allowTypeImports: true,
  message: `${IO_WHY}: parsing and checking are the domain's, called by the application layer.`,
};

const domainImports = restricted(
  ['io', 'render', 'cli', 'app'].map((name) => forbidLayer(name, DOMAIN_WHY)),
  nodeBuiltins(`${DOMAIN_WHY}: no Node built-in.`),
);
const renderImports = restricted(
  ['io', 'cli', 'app'].map((name) => forbidLayer(name, RENDER_WHY)),
  nodeBuiltins(`${RENDER_WHY}.`, ['fs', 'fs/promises', 'child_process']),
);
const ioImports = restricted([...['render', 'cli', 'app'].map((name) => forbidLayer(name, IO_WHY)), parserImports]);

// A command is a leaf: what two commands share lives outside src/cli/commands/. A file there may
// import its own parts (amend.ts imports amend-pack.ts: the same name before the dash) and no other
// command; outside that folder only the registration of the commands (main.ts, register/) loads one.
// None is left: what revert and new share, and what amend and check share, lives outside it.
const COMMAND_EXCEPTIONS = {};

const COMMANDS_DIR = 'src/cli/commands';
const REGISTRATION = ['src/cli/main.ts', 'src/cli/register/**'];
const commands = readdirSync(new URL(`./${COMMANDS_DIR}/`, import.meta.url))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''));
const ownerOf = (command) => command.split('-')[0];

/** The commands that `file` (relative to the root) may not load: every one but its own parts. */
function foreignCommands(file) {
  const here = file.startsWith(`${COMMANDS_DIR}/`)
    ? ownerOf(file.slice(COMMANDS_DIR.length + 1).replace(/\.ts$/, ''))
    : undefined;
  return commands
    .filter((command) => ownerOf(command) !== here)
    .map((command) => ({ command, sibling: here !== undefined }));
}

const commandImports = (file) =>
  foreignCommands(file).map(({ command, sibling }) => ({
    group: [`**/commands/${command}.js`, ...(sibling ? [`./${command}.js`] : [])],
    ...(COMMAND_EXCEPTIONS[file]?.[command] ? { allowImportNames: COMMAND_EXCEPTIONS[file][command] } : {}),
    message: `one command never loads another (${command}): move what both need out of src/cli/commands/.`,
  }));

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
// `import()` of another command: the same rule for lazy loading.
const commandLoads = (file) => {
  const names = foreignCommands(file).map(({ command }) => escapeRegExp(command));
  return names.length === 0
    ? []
    : [
        {
          selector: `ImportExpression[source.value=/(^|\\/)(${names.join('|')})\\.js$/]`,
          message: 'one command never loads another: only the registration of the commands does.',
        },
      ];
};
// Below the CLI, nothing loads on demand: what is loaded lazily, and when, is the CLI's choice;
// a static import is what the boundary rule checks.
const NO_LAZY_LOAD = [
  { selector: 'ImportExpression', message: 'loading on demand is for the CLI to choose: import statically here.' },
];

// Whatever the machine: no locale collation, no local-time calendar, no time zone by default.
const SAME_ON_EVERY_MACHINE = [
  {
    selector: "MemberExpression[property.name='localeCompare']",
    message: 'localeCompare follows the locale of the machine: use compareCodeUnits (src/domain/model/order.ts).',
  },
  {
    selector: "MemberExpression[object.name='Intl'][property.name='Collator']",
    message: 'Intl.Collator follows the locale of the machine: use compareCodeUnits (src/domain/model/order.ts).',
  },
  {
    selector: 'MemberExpression[property.name=/^toLocale\\w*String$/]',
    message: 'toLocale…String follows the locale and zone of the machine: format explicitly.',
  },
  {
    selector: 'MemberExpression[property.name=/^get(FullYear|Month|Date|Day|Hours)$/]',
    message: 'local-time fields follow the zone of the machine: use the UTC ones or src/domain/model/dates.ts.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='UTC']",
    message: 'Date.UTC reads years 0 to 99 as 1900 to 1999: use src/domain/model/dates.ts.',
  },
  {
    selector:
      ":matches(NewExpression, CallExpression)[callee.object.name='Intl'][callee.property.name='DateTimeFormat']:not(:has(Property[key.name='timeZone']))",
    message: 'Intl.DateTimeFormat without a timeZone follows the zone of the machine: name the zone.',
  },
];
// The clock is read once, by the CLI, and passed down as a date.
const NO_CLOCK = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'the CLI reads the clock and passes the date in: no Date.now() here.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'the CLI reads the clock and passes the date in: no new Date() here.',
  },
];
// The Word engine is bytes in, bytes out: no Date at all, not even one made from a given date.
const NO_DATE = [
  { selector: "NewExpression[callee.name='Date']", message: 'the Word engine is bytes in, bytes out: no Date.' },
];
const NO_PROCESS_OR_CONSOLE = [
  'error',
  { name: 'process', message: 'pure code takes its inputs as arguments.' },
  { name: 'console', message: 'pure code returns what to print.' },
];

/** One block of rules. Blocks later in the list replace the options of earlier ones for the same rule and file, so each states the whole list. */
function layer(files, { imports, syntax = [], pure = false, ignores }) {
  return {
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      ...(imports ? { '@typescript-eslint/no-restricted-imports': ['error', imports] } : {}),
      'no-restricted-syntax': ['error', ...SAME_ON_EVERY_MACHINE, ...syntax],
      ...(pure ? { 'no-restricted-globals': NO_PROCESS_OR_CONSOLE } : {}),
    },
  };
}

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  layer(['src/**/*.ts'], {}),
  layer(['src/domain/**/*.ts'], { imports: domainImports, syntax: [...NO_LAZY_LOAD, ...NO_CLOCK], pure: true }),
  // The Word engine is domain-like: pure, no file system.
  layer(['src/word/**/*.ts'], {
    imports: domainImports,
    syntax: [...NO_LAZY_LOAD, ...NO_CLOCK, ...NO_DATE],
    pure: true,
  }),
  layer(['src/render/**/*.ts'], { imports: renderImports, syntax: [...NO_LAZY_LOAD, ...NO_CLOCK], pure: true }),
  layer(['src/io/**/*.ts'], { imports: ioImports, syntax: NO_LAZY_LOAD }),
  // The application layer is called by the CLI and never reaches back (so it loads no command either).
  // It is pure as the domain is: gathered inputs in, what to print and write out as data.
  layer(['src/app/**/*.ts'], {
    imports: restricted(
      ['io', 'cli'].map((name) => forbidLayer(name, APP_WHY)),
      nodeBuiltins(`${APP_WHY}: no Node built-in.`),
    ),
    syntax: [...NO_LAZY_LOAD, ...NO_CLOCK],
    pure: true,
  }),
  // The CLI outside the registration of the commands, then each command and each exception apart.
  layer(['src/cli/**/*.ts'], {
    ignores: [...REGISTRATION, `${COMMANDS_DIR}/**`],
    imports: restricted(commandImports('')),
    syntax: commandLoads(''),
  }),
  ...[
    ...new Set([...Object.keys(COMMAND_EXCEPTIONS), ...commands.map((command) => `${COMMANDS_DIR}/${command}.ts`)]),
  ].map((file) => layer([file], { imports: restricted(commandImports(file)), syntax: commandLoads(file) })),
  // Only the entry point decides the exit status, once everything is written.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/run.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'only src/cli/run.ts ends the process.' },
        { object: 'process', property: 'exitCode', message: 'only src/cli/run.ts sets the exit status.' },
      ],
    },
  },
  // Prettier wraps code at 120 but never breaks a string or a comment: this keeps those within it too.
  // A regular expression is exempt, as one literal reads better than pieces joined in a RegExp.
  {
    files: ['src/**/*.ts'],
    plugins: { '@stylistic': stylistic },
    rules: { '@stylistic/max-len': ['error', { code: 120, ignoreRegExpLiterals: true }] },
  },
);
