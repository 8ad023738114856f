import * as fs from 'fs';
import * as path from 'path';
import { MODEL_PATH } from './support/model';

// The shared reference beside the repository, when this checkout has it.
const SHARED = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'eventbridge-connection-model.json');

test('the vendored API model is the shared reference, where that is present', () => {
  const vendored = JSON.parse(fs.readFileSync(MODEL_PATH, 'utf-8'));
  expect(Object.keys(vendored.shapes).length).toBeGreaterThan(20);
  if (!fs.existsSync(SHARED)) {
    console.log(`no shared reference at ${SHARED}: checked the vendored copy only`);
    return;
  }
  expect(vendored).toEqual(JSON.parse(fs.readFileSync(SHARED, 'utf-8')));
});
