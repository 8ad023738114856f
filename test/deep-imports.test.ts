/*
 * The provider package index loads about 2,200 modules (about 10x the
 * start-up time and 8x the memory of a deep import). The compiled library
 * must only deep-import `@cdktf/provider-aws/lib/<resource>`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', 'lib');

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

describe('provider imports', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(LIB, 'index.js'))) {
      throw new Error('lib/ is not compiled: run `npx projen compile` (the build does) before this test');
    }
  });

  test('no compiled file requires the @cdktf/provider-aws package index', () => {
    const offenders = jsFiles(LIB).filter((file) =>
      /require\(["']@cdktf\/provider-aws(\/lib)?\/?(index(\.js)?)?["']\)/.test(fs.readFileSync(file, 'utf-8')));
    expect(offenders).toEqual([]);
  });

  test('every provider module the compiled library requires is a deep path', () => {
    const required = jsFiles(LIB).flatMap((file) =>
      [...fs.readFileSync(file, 'utf-8').matchAll(/require\(["'](@cdktf\/provider-aws[^"']*)["']\)/g)].map((m) => m[1]));
    expect(required.length).toBeGreaterThan(0);
    for (const id of required) expect(id).toMatch(/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/);
  });

  test('loading the library at run time does not load the package index', () => {
    const script = `
      require(${JSON.stringify(LIB)});
      const loaded = Object.keys(require.cache).filter((f) => f.includes('@cdktf/provider-aws'));
      const index = require.resolve('@cdktf/provider-aws');
      console.log(JSON.stringify({ index: loaded.includes(index), count: loaded.length }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..') }).toString());
    expect(out.index).toBe(false);
    // A handful of resource modules, not the 2,200 of the index.
    expect(out.count).toBeLessThan(20);
  });
});
