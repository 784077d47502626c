import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** Every TypeScript file under a folder of src/, with its text. */
function sourcesOf(folder: string): { file: string; text: string }[] {
  const dir = join(ROOT, 'src', folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ file: relative(ROOT, join(dir, name)), text: readFileSync(join(dir, name), 'utf8') }));
}

const importsOf = (text: string): string[] => [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2] ?? '');

describe('the layers stay apart', () => {
  it('src/domain is pure: no fs, no process, no console, no clock, no render/io/cli', () => {
    for (const { file, text } of sourcesOf('domain')) {
      for (const spec of importsOf(text)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(fs|path|os|child_process)$|\/(render|io|cli)\//);
      }
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\.|Date\.now\(|new Date\(\)/);
    }
  });

  it('src/app is pure: gathered inputs in, what to print and write out; no fs, no process, no clock, no io/cli', () => {
    for (const { file, text } of sourcesOf('app')) {
      for (const spec of importsOf(text)) expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(fs|path|os|child_process)$|\/(io|cli)\//);
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\.|Date\.now\(|new Date\(/);
    }
  });

  it('src/word is pure: bytes in, data or bytes out; no fs, no process, no console, no clock', () => {
    for (const { file, text } of sourcesOf('word')) {
      for (const spec of importsOf(text)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(fs|path|os|child_process)$|\/(render|io|cli)\//);
      }
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\.|Date\.now\(|new Date\(/);
    }
  });

  it('src/render returns strings: no fs, no process, no console, no io/cli', () => {
    for (const { file, text } of sourcesOf('render')) {
      for (const spec of importsOf(text)) expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:(fs|child_process)|\/(io|cli)\//);
      expect(text, file).not.toMatch(/\bprocess\.|\bconsole\.|Date\.now\(|new Date\(\)/);
    }
  });

  it('no order or date in src follows the machine: no locale collation, no local-time calendar', () => {
    for (const folder of ['domain', 'render', 'io', 'cli', 'app']) {
      for (const { file, text } of sourcesOf(folder)) {
        expect(text, file).not.toMatch(/\.localeCompare\(|Intl\.Collator\(|\.toLocale\w*String\(|\.get(FullYear|Month|Date|Day|Hours)\(|Date\.UTC\(/);
        for (const format of text.matchAll(/Intl\.DateTimeFormat\([^)]*\)/g)) expect(format[0], file).toContain('timeZone');
      }
    }
  });

  it('only src/cli/run.ts touches the process exit status', () => {
    for (const folder of ['domain', 'render', 'io', 'cli', 'app']) {
      for (const { file, text } of sourcesOf(folder)) {
        if (file === 'src/cli/run.ts') continue;
        expect(text, file).not.toMatch(/process\.exit/);
      }
    }
  });

  it('no command imports another command: what two share lives below them', () => {
    const commands = sourcesOf('cli/commands').map(({ file }) => file);
    for (const { file, text } of sourcesOf('cli/commands')) {
      for (const spec of importsOf(text)) {
        const target = relative(ROOT, join(ROOT, file, '..', spec)).replace(/\.js$/, '.ts');
        expect(commands.filter((command) => command !== file), `${file} imports ${spec}`).not.toContain(target);
      }
    }
    // And nothing outside the commands imports one, but the registrations (which run them) and tests.
    for (const folder of ['cli', 'app', 'domain', 'render', 'io', 'word']) {
      for (const { file, text } of sourcesOf(folder)) {
        if (file.startsWith('src/cli/register/') || file.startsWith('src/cli/commands/')) continue;
        for (const spec of importsOf(text)) expect(spec, `${file} imports ${spec}`).not.toMatch(/(^|\/)commands\//);
      }
    }
  });
});
