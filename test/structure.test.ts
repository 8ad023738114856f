import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/*
 * The direction of dependencies in src/ (see CONTRIBUTING.md, "Layers"):
 * - no runtime import cycle between files;
 * - src/private/ imports no value from a public file (types only), except from errors.ts,
 *   the library's error type, which the checks throw and which itself imports nothing from src/.
 * A type-only import (`import type`, or an import whose every name is a type) is erased by the
 * compiler and is not a runtime edge.
 */

const SRC = path.join(__dirname, '..', 'src');

/** Every .ts file under `dir`, relative to SRC, with / separators. */
function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

/** The files of src/ that `file` imports or re-exports at run time. */
export function runtimeImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const targets: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes = clause !== undefined && clause.name === undefined && bindings !== undefined
        && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier) {
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.text));
      targets.push(resolved.endsWith('.ts') ? resolved : `${resolved}.ts`);
    }
  }
  return targets;
}

/** The cycles of a graph, each as a path that returns to its first file. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

function graphOf(files: string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, runtimeImports(file, fs.readFileSync(path.join(SRC, file), 'utf-8'))]));
}

const isPrivate = (file: string) => file.startsWith('private/');

/** The runtime imports from private/ of a public file other than errors.ts, as `from -> to`. */
export function upwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([file, targets]) => isPrivate(file)
    ? targets.filter((t) => !isPrivate(t) && t !== 'errors.ts').map((t) => `${file} -> ${t}`)
    : []);
}

describe('the dependencies of src/', () => {
  const graph = graphOf(sourceFiles());

  test('every relative import names a file that exists', () => {
    for (const [file, targets] of graph) {
      for (const target of targets) expect(`${file} -> ${target}: ${fs.existsSync(path.join(SRC, target))}`).toBe(`${file} -> ${target}: true`);
    }
  });

  test('have no runtime import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  test('private/ imports no value from a public file, except the error type', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  test('errors.ts, which private/ may import, imports nothing from src/', () => {
    expect(graph.get('errors.ts')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  test('see value imports and re-exports, and skip type-only ones', () => {
    const text = [
      "import { A } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, F } from './e';",
      "import * as G from '../g';",
      "import './side-effect';",
      "export * from './h';",
      "export type { I } from './i';",
      "import { J } from 'cdktf';",
    ].join('\n');
    expect(runtimeImports('private/x.ts', text)).toEqual([
      'private/a.ts', 'private/e.ts', 'g.ts', 'private/side-effect.ts', 'private/h.ts',
    ]);
  });

  test('find a cycle, and none in a chain', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  test('catch the cycle and the upward import this layout once had', () => {
    // connection-permissions <-> imported-connection, and role-grants importing RoleGrant.
    const graph = new Map([
      ['private/connection-permissions.ts', ['private/imported-connection.ts']],
      ['private/imported-connection.ts', ['private/connection-permissions.ts', 'private/role-grants.ts']],
      ['private/role-grants.ts', ['role-grant.ts', 'errors.ts']],
      ['role-grant.ts', []],
      ['errors.ts', []],
    ]);
    expect(cycles(graph)).toEqual([['private/connection-permissions.ts', 'private/imported-connection.ts', 'private/connection-permissions.ts']]);
    expect(upwardImports(graph)).toEqual(['private/role-grants.ts -> role-grant.ts']);
  });
});
