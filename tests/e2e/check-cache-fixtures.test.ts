import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAllFormats } from '../helpers/check-cache.js';
import { copiesOfData, removedAfterAll } from '../helpers/cli.js';
import { fixtureCodes, materialiseFixture } from '../helpers/fixtures.js';

// Apart from check-cache.test.ts so that the two run in parallel: this one runs mtad check 5 times
// for each fixture.
const copyOfData = copiesOfData();
const fresh = removedAfterAll();

describe('the cache of mtad check never changes its results', () => {
  const scenarios = [...fixtureCodes().map((code) => `${code}/fire`), 'shipped'];
  it.each(scenarios)(
    '%s: the same output in every format without the cache, cold, warm and after an edit',
    async (scenario) => {
      const [code = '', kind] = scenario.split('/');
      const cwd = scenario === 'shipped' ? copyOfData() : fresh(materialiseFixture(code, kind as 'fire'));
      let runs = 0;
      const cache = join(cwd, 'cache.json');
      const check = (args: string[]) => checkAllFormats(cwd, args, join(cwd, `out-${++runs}`));
      const without = await check(['--no-cache']);
      expect(without.stderr).toBe('');
      expect(await check(['--cache-location', cache])).toEqual(without);
      expect(existsSync(cache)).toBe(true);
      expect(await check(['--cache-location', cache])).toEqual(without);

      // One file edited: its record is stale, the others still serve.
      const edited = join(cwd, 'data/amendments/mdust-close-moc-secure.yaml');
      if (existsSync(edited)) {
        writeFileSync(edited, readFileSync(edited, 'utf8').replace('title:', '# edited\ntitle:'));
        expect(await check(['--cache-location', cache])).toEqual(await check(['--no-cache']));
      }
    },
  );
});
