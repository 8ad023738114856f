/*
 * The test-matrix entry this jest run is for (FLAVOUR, see scripts/flavours.js), for the few
 * tests whose expectations depend on it: the provider block of the fixtures, the compiled
 * library and package names of the import checks, the CLI of the example app, and the
 * options that need AWS provider 6.
 */
import * as fs from 'fs';
import * as path from 'path';
// A plain script shared with the Node and Python tooling; typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const flavours = require('../scripts/flavours');

/** A matrix entry. */
export interface Target {
  /** `cdktf`, `cdktf-aws5` or `cdktn`. */
  readonly name: string;
  /** What it runs against, in words. */
  readonly title: string;
  /** The framework package: `cdktf` or `cdktn`. */
  readonly framework: string;
  /** The provider binding's package name as the library requires it. */
  readonly providerPackage: string;
  /** Where the provider binding really is. */
  readonly providerDir: string;
  /** The compiled library of this entry. */
  readonly libDir: string;
}

export const TARGET: Target = flavours.currentTarget();

/**
 * A built artifact of this run's entry, checked before a test reads it: `jsii` is the path of
 * the assembly (`.jsii`), `lib` the compiled library's directory. Throws, failing the test
 * file with the command that rebuilds it, when the artifact is missing or older than a file
 * under src/ (scripts/built.js), so that no test passes on a stale build.
 */
export function freshBuild(kind: 'jsii' | 'lib'): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../scripts/built').requireFresh(kind, kind === 'lib' ? TARGET.name : 'cdktf');
  return kind === 'jsii' ? path.join(flavours.ROOT, '.jsii') : TARGET.libDir;
}

/** Whether this run is for the source as written: cdktf + @cdktf/provider-aws 21.x. */
export const IS_DEFAULT = TARGET.name === 'cdktf';

/** The AWS provider version the binding was generated from (what `required_providers` pins). */
export const AWS_PROVIDER_VERSION: string = flavours.awsProviderVersion(TARGET);

/** Whether the binding has AWS provider 6's per-resource `region` argument. */
export const HAS_PER_RESOURCE_REGION = Number(AWS_PROVIDER_VERSION.split('.')[0]) >= 6;

/**
 * Whether the binding has `auth_parameters.connectivity_parameters` (private OAuth endpoints,
 * AWS provider 6.66: @cdktn/provider-aws 25.7), read from the binding as the library does.
 */
export const HAS_OAUTH_CONNECTIVITY = 'connectivityParameters' in
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@cdktf/provider-aws/lib/cloudwatch-event-connection').CloudwatchEventConnectionAuthParametersOutputReference.prototype;

/** The example app as this entry builds it (generated under build/ for the other entries). */
export const EXAMPLE_DIR = IS_DEFAULT
  ? path.join(flavours.ROOT, 'examples', 'typescript')
  : path.join(flavours.ROOT, 'build', TARGET.name, 'examples', 'typescript');

/**
 * The CLI that synthesizes the example app for this entry: `cdktf-cli` from the root install,
 * or `cdktn-cli` from tools/cdktn. `node` runs the CLI, `appNode` the app it starts (first on
 * PATH): the entry's Node.js (NODE_MAJOR's line, Node 22 for cdktn). Undefined when tools/cdktn
 * is not installed.
 *
 * cdktf-cli 0.21 loads node-pty, whose prebuilt binaries stop at Node.js 22 (ABI 127): on a
 * later Node.js the CLI cannot start unless node-pty was compiled at install time. There the
 * CLI runs on the Node.js 22 of tools/cdktn and the app still on the entry's Node.js.
 */
export function exampleCli(): { node: string; appNode: string; script: string; name: string } | undefined {
  if (TARGET.framework === 'cdktf') {
    const pty = path.dirname(require.resolve('@cdktf/node-pty-prebuilt-multiarch/package.json'));
    const loadable = fs.existsSync(path.join(pty, 'build', 'Release', 'pty.node'))
      || fs.existsSync(path.join(pty, 'prebuilds', `${process.platform}-${process.arch}`, `node.abi${process.versions.modules}.node`));
    const node = loadable ? process.execPath : flavours.node22() ?? process.execPath;
    return { node, appNode: process.execPath, script: require.resolve('cdktf-cli/bundle/bin/cdktf'), name: 'cdktf' };
  }
  if (!flavours.node22()) return undefined;
  const script = path.join(flavours.CDKTN_TOOLS, 'cdktn-cli', 'bundle', 'bin', 'cdktn.js');
  const node = flavours.nodeFor(TARGET);
  return { node, appNode: node, script, name: 'cdktn' };
}
