import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { FIXTURES } from './fixtures/stacks';

/*
 * Whole-stack fixtures: what users see in cdk.tf.json, kept as reviewed
 * files shared with the Python suite. To accept an intended change, run
 * `UPDATE_FIXTURES=1 npx jest test/fixtures.test.ts` and review the diff.
 */
const EXPECTED = path.join(__dirname, 'fixtures', 'expected');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

describe.each(Object.keys(FIXTURES))('fixture %s', (name) => {
  test('synthesizes the reviewed Terraform JSON', () => {
    const synthesized = Testing.synth(FIXTURES[name](Testing.app()));
    const file = path.join(EXPECTED, `${name}.json`);
    if (UPDATE || !fs.existsSync(file)) {
      if (process.env.CI) throw new Error(`${file} is missing: run UPDATE_FIXTURES=1 npx jest test/fixtures.test.ts`);
      fs.writeFileSync(file, synthesized + '\n');
    }
    expect(synthesized + '\n').toEqual(fs.readFileSync(file, 'utf-8'));
  });

  test('is valid Terraform JSON with no secret literal', () => {
    const synthesized = Testing.synth(FIXTURES[name](Testing.app()));
    expect(JSON.parse(synthesized)).toBeTruthy();
    // Fixtures only use secret sources that keep the secret out of cdk.tf.json.
    expect(synthesized).not.toMatch(/"(password|client_secret)": "[^$]/);
  });
});
