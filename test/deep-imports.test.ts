/*
 * The provider package index loads about 2,200 modules (about 10x the
 * start-up time and 8x the memory of a deep import). The compiled library
 * must only deep-import `<provider package>/lib/<resource>`: for this run's
 * matrix entry (FLAVOUR), its own compiled library and provider package
 * (`@cdktf/provider-aws` for cdktf, `@cdktn/provider-aws` for cdktn).
 *
 * @every-node-line the compiled library is loaded by a child process of the line under test
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { freshBuild, TARGET } from './flavour';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeFor } = require('../scripts/flavours');

const LIB = freshBuild('lib');
const PROVIDER = TARGET.providerPackage;
const escaped = PROVIDER.replace(/[/]/g, '\\/');

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
      throw new Error(`${LIB} is not compiled: run \`npx projen compile\` (and scripts/build-flavour.js for ${TARGET.name}) first`);
    }
  });

  test(`no compiled file requires the ${PROVIDER} package index`, () => {
    const offenders = jsFiles(LIB).filter((file) =>
      new RegExp(`require\\(["']${escaped}(\\/lib)?\\/?(index(\\.js)?)?["']\\)`).test(fs.readFileSync(file, 'utf-8')));
    expect(offenders).toEqual([]);
  });

  test('every provider module the compiled library requires is a deep path', () => {
    const required = jsFiles(LIB).flatMap((file) =>
      [...fs.readFileSync(file, 'utf-8').matchAll(/require\(["']([^"']*\/provider-aws[^"']*)["']\)/g)].map((m) => m[1]));
    expect(required.length).toBeGreaterThan(0);
    for (const id of required) expect(id).toMatch(new RegExp(`^${escaped}\\/lib\\/[a-z0-9-]+$`));
  });

  test('ships no source map, inline or beside it (Node.js would read and scan it on every load)', () => {
    const files = fs.readdirSync(LIB, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(jsFiles(LIB).filter((file) => fs.readFileSync(file, 'utf-8').includes('//# sourceMappingURL='))
      .map((file) => path.relative(LIB, file))).toEqual([]);
  });

  test(`requires only ${TARGET.framework} packages, never the other flavour's`, () => {
    const other = TARGET.framework === 'cdktn' ? /require\(["'](cdktf|@cdktf\/[^"']*)["']\)/ : /require\(["'](cdktn|@cdktn\/[^"']*)["']\)/;
    expect(jsFiles(LIB).filter((file) => other.test(fs.readFileSync(file, 'utf-8')))).toEqual([]);
  });

  test('the library loads no provider module until a construct needs one, and never the index', () => {
    // The provider is looked up from the library's directory, as the library itself resolves it.
    const script = `
      const fs = require('fs');
      const lib = require(${JSON.stringify(LIB)});
      const { App, TerraformStack } = require(require.resolve(${JSON.stringify(TARGET.framework)}, { paths: [${JSON.stringify(LIB)}] }));
      const root = fs.realpathSync(${JSON.stringify(TARGET.providerDir)});
      const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(root + '/'));
      const atImport = loaded().length;
      const stack = new TerraformStack(new App(), 'S');
      const connection = new lib.ApiKeyConnection(stack, 'C', { apiKeyName: 'k', apiKeyValue: lib.SecretValue.secretsManager('s') });
      const destination = new lib.ApiDestination(stack, 'D', { connection, endpoint: 'https://example.com' });
      new lib.ApiDestinationTarget(stack, 'T', { ruleName: 'r', apiDestination: destination });
      new lib.StepFunctionsHttpTaskGrant(stack, 'G', { connection, roleName: 'role' });
      const index = require.resolve(${JSON.stringify(PROVIDER)}, { paths: [${JSON.stringify(LIB)}] });
      console.log(JSON.stringify({ atImport, index: loaded().includes(index), count: loaded().length }));
    `;
    const out = JSON.parse(execFileSync(nodeFor(TARGET), ['-e', script], { cwd: path.join(__dirname, '..') }).toString());
    expect(out.atImport).toBe(0);
    expect(out.index).toBe(false);
    // The handful of resource modules those constructs use, not the 2,200 of the index.
    expect(out.count).toBeGreaterThan(0);
    expect(out.count).toBeLessThan(20);
  });
});
