/*
 * @every-node-line the whole stacks, with their ids hashed by Node.js's crypto, are what a user
 * of that line gets in cdk.tf.json
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { FIXTURES } from './fixtures/stacks';
import { IS_DEFAULT, TARGET } from './flavour';

/*
 * Whole-stack fixtures: what users see in cdk.tf.json, kept as reviewed
 * files shared with the Python suite.
 *
 * `expected/<name>.json` is the whole stack for cdktf + @cdktf/provider-aws 21.x. The other
 * matrix entries synthesize the same stack but for the `terraform` block, which pins the AWS
 * provider the binding was generated from (and cdktn writes the source as `hashicorp/aws`):
 * that block is kept per entry in `expected/terraform/<entry>.json`, and the whole stack an
 * entry must synthesize is the shared fixture with that block in place of its own.
 *
 * To accept an intended change, run `UPDATE_FIXTURES=1 npx jest test/fixtures.test.ts`
 * (add FLAVOUR=<entry> and use scripts/run-jest.js for another entry) and review the diff.
 */
const EXPECTED = path.join(__dirname, 'fixtures', 'expected');
const TERRAFORM_BLOCK = path.join(EXPECTED, 'terraform', `${TARGET.name}.json`);
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function write(file: string, text: string): void {
  if (process.env.CI) throw new Error(`${file} is missing or stale: run UPDATE_FIXTURES=1 npx jest test/fixtures.test.ts`);
  fs.writeFileSync(file, text);
}

/** The reviewed whole stack this entry must synthesize. */
function expectedStack(name: string, synthesized: any): string {
  const file = path.join(EXPECTED, `${name}.json`);
  if (IS_DEFAULT) {
    if (UPDATE || !fs.existsSync(file)) write(file, JSON.stringify(synthesized, null, 2) + '\n');
    return fs.readFileSync(file, 'utf-8');
  }
  if (UPDATE || !fs.existsSync(TERRAFORM_BLOCK)) {
    write(TERRAFORM_BLOCK, JSON.stringify({ terraform: synthesized.terraform }, null, 2) + '\n');
  }
  const shared = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const block = JSON.parse(fs.readFileSync(TERRAFORM_BLOCK, 'utf-8')).terraform;
  return JSON.stringify({ ...shared, terraform: block }, null, 2) + '\n';
}

describe.each(Object.keys(FIXTURES))('fixture %s', (name) => {
  test(`synthesizes the reviewed Terraform JSON (${TARGET.name})`, () => {
    const synthesized = Testing.synth(FIXTURES[name](Testing.app()));
    expect(synthesized + '\n').toEqual(expectedStack(name, JSON.parse(synthesized)));
  });

  test('is valid Terraform JSON with no secret literal', () => {
    const synthesized = Testing.synth(FIXTURES[name](Testing.app()));
    expect(JSON.parse(synthesized)).toBeTruthy();
    // Fixtures only use secret sources that keep the secret out of cdk.tf.json.
    expect(synthesized).not.toMatch(/"(password|client_secret)": "[^$]/);
  });
});

test('every fixture of the source as written has the provider block of expected/terraform/cdktf.json', () => {
  const block = JSON.parse(fs.readFileSync(path.join(EXPECTED, 'terraform', 'cdktf.json'), 'utf-8')).terraform;
  for (const name of Object.keys(FIXTURES)) {
    expect({ name, terraform: JSON.parse(fs.readFileSync(path.join(EXPECTED, `${name}.json`), 'utf-8')).terraform })
      .toEqual({ name, terraform: block });
  }
});
