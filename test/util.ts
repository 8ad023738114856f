import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';

/** Where {@link newStack} makes its stack. */
export interface NewStackOptions {
  /** The app to add the stack to. @default a new `Testing.app()` */
  readonly app?: App;
  /** The default AWS provider's region. @default 'us-east-1' */
  readonly region?: string;
}

/**
 * A stack with a default AWS provider (construct id `aws`), as every test and fixture starts.
 * The one place the suite writes this set-up: in a run for another matrix entry (FLAVOUR),
 * jest maps `cdktf` and the provider package to the entry's own, so this is that entry's stack.
 */
export function newStack(id = 'TestStack', options: NewStackOptions = {}): TerraformStack {
  const stack = new TerraformStack(options.app ?? Testing.app(), id);
  new AwsProvider(stack, 'aws', { region: options.region ?? 'us-east-1' });
  return stack;
}

/** The synthesized stack as an object. */
export function synthObject(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** The one aws_cloudwatch_event_connection block of a stack. */
export function connectionBlock(stack: TerraformStack): any {
  const resources = synthObject(stack).resource.aws_cloudwatch_event_connection;
  const keys = Object.keys(resources);
  if (keys.length !== 1) throw new Error(`expected one connection, found ${keys.length}`);
  return resources[keys[0]];
}

/** The messages of the warnings added to a construct and its children. */
export function warnings(stack: TerraformStack): string[] {
  return stack.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => `${c.node.path}: ${m.data}`));
}

/** Builds `n` entries for a parameter map. */
export function entries<T>(n: number, make: (i: number) => T): { [key: string]: T } {
  const result: { [key: string]: T } = {};
  for (let i = 0; i < n; i++) result[`key${i}`] = make(i);
  return result;
}

let probes = 0;

/** What a value (usually a token) renders to in the synthesized JSON. */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `probe${probes++}`;
  new TerraformOutput(stack, id, { value });
  return synthObject(stack).output[id].value;
}
