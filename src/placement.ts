import { TerraformProvider } from 'cdktf';

/**
 * Where a construct's resources are managed: the AWS provider that creates
 * them and, with AWS provider 6, the region. Every construct that creates
 * resources takes these two options, with the same meaning.
 *
 * An API destination defaults to its connection's placement and a rule
 * target to its API destination's, so the common case sets them once, on the
 * connection. EventBridge requires an API destination and its connection in
 * one account and region: a destination whose region (its own `region`, else
 * its provider's) differs from its connection's is refused when both are
 * literals.
 */
export interface PlacementOptions {
  /**
   * The AWS provider to create the resources with, for example a second
   * `AwsProvider` for another region or account. Data sources the construct
   * creates (secret reads, key look-ups) use it too.
   *
   * @default - a connection: the stack's default AWS provider; an API
   * destination: its connection's; a rule target: its API destination's
   */
  readonly provider?: TerraformProvider;

  /**
   * The AWS region to manage the resources in, overriding the provider's
   * (the resources' `region` argument, AWS provider 6 and later: refused
   * with a binding that lacks it). Data sources the construct creates use
   * it too.
   *
   * @default - a connection: the provider's region; an API destination: its
   * connection's; a rule target: its API destination's
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support
   */
  readonly region?: string;
}
