import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { PlacementOptions } from '../placement';
import { REGION } from './rules';
import { Checker, described } from './validation';

/*
 * Placement: where a construct's resources go, its AWS provider and region (PlacementOptions).
 * Every construct that creates resources checks its options here, once; a construct that
 * gives none takes the placement of what it builds on (a destination its connection's, a
 * target its destination's), which that construct exposes as `_placement`.
 */

/**
 * A construct's checked placement (an empty one: the stack's default provider and its region).
 * @internal
 */
export interface Placement {
  readonly provider?: TerraformProvider;
  readonly region?: string;
}

/** What a construct with a placement exposes to the constructs built on it (IConnection, IApiDestination). */
export interface Placed {
  /** @internal */
  readonly _placement?: Placement;
}

const REGION_SINCE = 'AWS provider 6: @cdktf/provider-aws 21.x or @cdktn/provider-aws 25.x';
const REGION_UPGRADE = 'Upgrade the provider binding to @cdktf/provider-aws 21.x (AWS provider 6), or omit `region` ' +
  'and pass an AwsProvider for that region as `provider`.';

/**
 * Checks a construct's placement options: `provider` must be a TerraformProvider; `region` must
 * be a region code (tokens pass) and is refused where the binding of the construct's resource
 * (`resource`) lacks the `region` argument. Without either option the construct takes `inherited`.
 *
 * @param omitted what omitting the options means, for the fixes ("the stack's default AWS
 *   provider", "the connection's")
 */
export function placement(
  check: Checker,
  options: PlacementOptions,
  resource: { readonly prototype: object; readonly tfResourceType?: string },
  omitted: { provider: string; region: string },
  inherited: Placement = {},
): Placement {
  const { provider, region } = options;
  if (provider === undefined && region === undefined) return inherited;
  if (provider !== undefined && !TerraformProvider.isTerraformProvider(provider)) {
    check.fail('provider', 'must be a TerraformProvider', provider,
      `Pass an AwsProvider construct, or omit \`provider\` to use ${omitted.provider}.`);
  }
  if (region !== undefined) {
    check.string('region', region, REGION, `Use a region code such as "us-east-1", or omit \`region\` to use ${omitted.region}.`);
    check.bindingArgument('region', region, resource, 'region', REGION_SINCE, REGION_UPGRADE);
  }
  return { provider, region };
}

/** The placement a construct exposes, or an empty one. */
export function placementOf(construct: Placed | undefined): Placement {
  return construct?._placement ?? {};
}

/**
 * The region a placement manages resources in, where it is a literal at synth time: its own
 * region, else its provider's, else the region of the stack's default AWS provider. Undefined
 * when that is a token or not set (the provider then takes it from its environment).
 */
export function knownRegion(scope: IConstruct, where: Placement): string | undefined {
  const literal = (value: unknown) => (typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined);
  if (where.region !== undefined) return literal(where.region);
  const provider = where.provider ?? defaultAwsProvider(scope);
  return provider === undefined ? undefined : literal((provider as { readonly region?: unknown }).region);
}

/** The stack's default AWS provider: the `aws` provider without an alias, if there is one. */
function defaultAwsProvider(scope: IConstruct): TerraformProvider | undefined {
  return TerraformStack.of(scope).node.findAll().find((c): c is TerraformProvider =>
    TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'aws' && c.alias === undefined);
}

/**
 * Refuses a placement in another region than `other`'s (both literals): EventBridge requires an
 * API destination and its connection in one account and region. Tokens are not judged, nor is a
 * partner whose placement is not known (one imported by ARN), and two providers in one region
 * are fine.
 *
 * @param what the construct's kind and its partner's, for the message, e.g. ['API destination', 'connection']
 * @param why the service's rule, for the message
 */
export function requireSameRegion(
  check: Checker,
  scope: IConstruct,
  where: Placement,
  options: PlacementOptions,
  other: IConstruct,
  otherPlacement: Placement | undefined,
  what: [string, string],
  why: string,
): void {
  if (otherPlacement === undefined) return;
  // The same region and provider in one stack (a construct that inherits its partner's
  // placement): both sides are the same region, whatever it is. Saves looking the stack's
  // default provider up twice (a walk of the whole stack) for every such construct.
  if (where.region === otherPlacement.region && where.provider === otherPlacement.provider
    && (where.region !== undefined || where.provider !== undefined || TerraformStack.of(scope) === TerraformStack.of(other))) return;
  const mine = knownRegion(scope, where);
  const theirs = knownRegion(other, otherPlacement);
  if (mine === undefined || theirs === undefined || mine === theirs) return;
  const property = options.region !== undefined ? 'region' : 'provider';
  check.fail(property,
    `must place the ${what[0]} in its ${what[1]}'s region ("${theirs}" for ${other.node.path}); ${why}`,
    options.region !== undefined ? mine : described(`a provider in "${mine}"`),
    `Omit \`provider\` and \`region\` to use the ${what[1]}'s, or place the ${what[1]} in "${mine}" too.`);
}
