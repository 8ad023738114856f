import type { CloudwatchEventConnection, CloudwatchEventConnectionConfig } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { Construct, IConstruct } from 'constructs';
import { Authorization } from './authorization';
import { ValidationError } from './errors';
import { HttpParameter } from './http-parameter';
import { PlacementOptions } from './placement';
import { adoptByName, moveFromAddress } from './private/adoption';
import { connectionSecretArnPattern, resourceNameFromArn } from './private/arns';
import { binding } from './private/bindings';
import { connectionCredentialStatements } from './private/connection-permissions';
import { renderHttpParameters } from './private/http-parameters';
import { defaultPhysicalName } from './private/names';
import { Placement, placement } from './private/placement';
import {
  CONNECTION_ARN,
  CONNECTION_NAME,
  DESCRIPTION,
  KMS_KEY_IDENTIFIER,
  RESOURCE_CONFIGURATION_ARN,
  SECRETS_MANAGER_SECRET_ARN,
} from './private/rules';
import { Checker } from './private/validation';
import { RoleGrant } from './role-grant';

/**
 * An EventBridge connection, created in this stack or imported.
 */
export interface IConnection extends IConstruct {
  /**
   * The ARN of the connection.
   */
  readonly connectionArn: string;

  /**
   * The name of the connection.
   */
  readonly connectionName: string;

  /**
   * The ARN of the Secrets Manager secret in which EventBridge stores the
   * connection's authorization parameters.
   */
  readonly connectionSecretArn: string;

  /**
   * The customer managed KMS key that encrypts the connection's secret, as
   * the connection was given it (key ID, key ARN, alias name or alias ARN).
   * Grants on the connection add `kms:Decrypt` on that key.
   *
   * @default - undefined: an AWS owned key, or not known (a connection
   * imported without `kmsKeyIdentifier`, or looked up by name)
   */
  readonly kmsKeyIdentifier?: string;

  /**
   * Where the connection's resources are (its provider and region): the default placement of
   * the API destinations that use it, and where grants look its key up.
   * @internal
   */
  readonly _placement?: Placement;

  /**
   * The `Resource` of grants on the connection's secret: its ARN or, where that is not known (a
   * connection imported by ARN alone), the pattern of the secrets EventBridge creates for the
   * connection's name. Without it (a connection implemented outside the library), grants use
   * `connectionSecretArn`.
   * @internal
   */
  readonly _secretArnForPolicy?: string;

  /**
   * Allows the IAM role named `roleName` to use the connection's credentials,
   * as a Step Functions HTTP task or any caller of
   * `events:RetrieveConnectionCredentials` does: that action on the
   * connection, `secretsmanager:GetSecretValue` and
   * `secretsmanager:DescribeSecret` on the connection's secret and, when the
   * connection has a `kmsKeyIdentifier`, `kms:Decrypt` on that key through
   * Secrets Manager for that secret only.
   *
   * Attaches an inline policy (`aws_iam_role_policy`, rendered by an
   * `aws_iam_policy_document`) in the connection's scope, under an id derived
   * from the role name: granting again to the same role returns the same
   * grant.
   *
   * @param roleName the role's name (not its ARN), e.g. `role.name`
   * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
   */
  grantRetrieveCredentials(roleName: string): RoleGrant;
}

/**
 * Options shared by every connection construct.
 */
export interface ConnectionOptions extends PlacementOptions {
  /**
   * The name of the connection: 1-64 characters of A-Z a-z 0-9 . - _.
   *
   * Changing it replaces the connection.
   *
   * @default - a name unique in the stack, derived from the stack name and the construct path
   */
  readonly connectionName?: string;

  /**
   * A description of the connection, up to 512 characters.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Header parameters EventBridge sends with every invocation of an API
   * destination that uses this connection. At most 100 entries.
   *
   * @default - none
   */
  readonly headerParameters?: { [key: string]: HttpParameter };

  /**
   * Query string parameters EventBridge sends with every invocation of an
   * API destination that uses this connection. At most 100 entries.
   *
   * @default - none
   */
  readonly queryStringParameters?: { [key: string]: HttpParameter };

  /**
   * Body parameters EventBridge sends with every invocation of an API
   * destination that uses this connection. At most 100 entries.
   *
   * @default - none
   */
  readonly bodyParameters?: { [key: string]: HttpParameter };

  /**
   * The AWS KMS customer managed key that encrypts the connection's secret:
   * a key ID, key ARN, alias name or alias ARN (up to 2048 characters of
   * A-Z a-z 0-9 _ - / :).
   *
   * @default - an AWS owned key
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/encryption-connections.html
   */
  readonly kmsKeyIdentifier?: string;

  /**
   * The ARN of a VPC Lattice resource configuration, to invoke a private
   * HTTPS endpoint in a VPC (`invocation_connectivity_parameters`).
   *
   * @default - the endpoint is reached over the public internet
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/connection-private.html
   */
  readonly resourceConfigurationArn?: string;
}

/**
 * Properties of a {@link Connection}.
 */
export interface ConnectionProps extends ConnectionOptions {
  /**
   * How EventBridge authorizes its requests: an API key, basic
   * authentication or OAuth client credentials. The connection's
   * `authorization_type` follows from it.
   */
  readonly authorization: Authorization;
}

/**
 * The attributes of an existing connection, for {@link Connection.fromConnectionAttributes}.
 */
export interface ConnectionAttributes {
  /**
   * The ARN of the connection.
   */
  readonly connectionArn: string;

  /**
   * The name of the connection.
   *
   * @default - taken from the ARN
   */
  readonly connectionName?: string;

  /**
   * The ARN of the connection's Secrets Manager secret.
   *
   * @default - unknown: reading `connectionSecretArn` throws
   */
  readonly connectionSecretArn?: string;

  /**
   * The customer managed KMS key that encrypts the connection's secret (key
   * ID, key ARN, alias name or alias ARN), so that grants on the connection
   * add `kms:Decrypt` on it.
   *
   * @default - none: the connection's secret is taken to be encrypted with an AWS owned key
   */
  readonly kmsKeyIdentifier?: string;
}

/**
 * An EventBridge connection: the endpoint authorization that API
 * destinations and Step Functions HTTP tasks use.
 *
 * Wraps the Terraform resource `aws_cloudwatch_event_connection`.
 * {@link ApiKeyConnection}, {@link BasicConnection} and
 * {@link OAuthConnection} are the same construct with flat props.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-target-connection.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_connection
 */
export class Connection extends Construct implements IConnection {
  /**
   * Imports a connection by ARN. Its name is taken from the ARN; its secret
   * ARN is unknown.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param connectionArn the connection's ARN
   */
  public static fromConnectionArn(scope: Construct, id: string, connectionArn: string): IConnection {
    return new ImportedConnection(scope, id, { connectionArn }, 'Connection.fromConnectionArn()');
  }

  /**
   * Imports a connection from its attributes.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param attrs the connection's ARN, and optionally its name and secret ARN
   */
  public static fromConnectionAttributes(scope: Construct, id: string, attrs: ConnectionAttributes): IConnection {
    return new ImportedConnection(scope, id, attrs, 'Connection.fromConnectionAttributes()');
  }

  /**
   * Imports a connection by name, reading its ARN and secret ARN at plan
   * time through the `aws_cloudwatch_event_connection` data source. Its
   * customer managed key is not known when the stack is synthesized, so
   * grants on it add no `kms:Decrypt`: for a connection with a key, use
   * {@link Connection.fromConnectionAttributes} with `kmsKeyIdentifier`.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param connectionName the connection's name
   * @param options where to look the connection up (the data source's
   * provider and region), which is also the default placement of the API
   * destinations that use it
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/cloudwatch_event_connection
   */
  public static fromConnectionName(scope: Construct, id: string, connectionName: string, options?: PlacementOptions): IConnection {
    return new LookedUpConnection(scope, id, connectionName, options ?? {});
  }

  /**
   * Checks the props of `connection` and returns the binding's config, or throws the library's
   * error: the whole of the constructor but the binding.
   */
  private static checkedConfig(connection: Connection, given: ConnectionProps) {
    const check: Checker = new Checker(connection);
    const props = check.props(given, 'Pass the connection\'s properties, with at least `authorization`.');
    const Resource = binding('CloudwatchEventConnection');
    const target = placement(check, props, Resource, { provider: 'the stack\'s default AWS provider', region: 'the provider\'s' });

    const name = props.connectionName ?? defaultPhysicalName(connection);
    check.string('connectionName', name, CONNECTION_NAME,
      'Use a name such as "my-connection", or omit `connectionName` to get a generated one.');
    check.optionalString('description', props.description, DESCRIPTION, 'Shorten the description.');

    const authorization = props.authorization as unknown;
    if (!(authorization instanceof Authorization) || typeof (authorization as Authorization)._bind !== 'function') {
      check.fail('authorization', 'must be made with Authorization.apiKey(), Authorization.basic() or Authorization.oauth()',
        authorization, 'Create the authorization with one of those factories, or use ApiKeyConnection, BasicConnection or OAuthConnection.');
    }
    const auth = authorization._bind(connection, { ...target, parameterMapPrefix: connection._parameterMapPrefix });

    const invocationHttpParameters = renderHttpParameters(connection, {
      header: props.headerParameters,
      queryString: props.queryStringParameters,
      body: props.bodyParameters,
    }, target);

    check.optionalString('kmsKeyIdentifier', props.kmsKeyIdentifier, KMS_KEY_IDENTIFIER,
      'Use a key ID, key ARN, alias name (alias/...) or alias ARN.');
    check.optionalString('resourceConfigurationArn', props.resourceConfigurationArn, RESOURCE_CONFIGURATION_ARN,
      'Use the ARN of an aws_vpclattice_resource_configuration.');

    const config: CloudwatchEventConnectionConfig = {
      name,
      description: props.description,
      authorizationType: auth.authorizationType,
      authParameters: { ...auth.authParameters, invocationHttpParameters },
      kmsKeyIdentifier: props.kmsKeyIdentifier,
      invocationConnectivityParameters: props.resourceConfigurationArn === undefined ? undefined : {
        resourceParameters: { resourceConfigurationArn: props.resourceConfigurationArn },
      },
      provider: target.provider,
      region: target.region,
    };
    return { Resource, config, target };
  }

  /**
   * The authorization type: `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`.
   */
  public readonly authorizationType: string;

  /**
   * The underlying `aws_cloudwatch_event_connection` resource (construct id
   * `Resource`), as an escape hatch.
   */
  public readonly resource: CloudwatchEventConnection;

  /**
   * The customer managed KMS key that encrypts the connection's secret, as given.
   *
   * @default - undefined: an AWS owned key
   */
  public readonly kmsKeyIdentifier?: string;

  /**
   * The connection's provider and region (see {@link IConnection._placement}).
   * @internal
   */
  public readonly _placement: Placement;

  // The attribute tokens are made on first read, not in the constructor:
  // each costs a stack trace capture in cdktf, and most connections are
  // never referenced (bench/: about 10% of the synth time of 1,000
  // connections). Each getter returns the same token on every read.
  #connectionArn?: string;
  #connectionName?: string;
  #connectionSecretArn?: string;

  constructor(scope: Construct, id: string, props: ConnectionProps) {
    super(scope, id);
    // The binding is built at the top of the constructor, the checks done before in a function
    // that has returned: cdktf records a stack trace for each of the binding's tokens (15 a
    // connection), and V8 finds a frame's line by walking its function's position table up to
    // the call, so a call at the end of a long constructor costs every one of those traces more
    // (bench/RESULTS.md).
    const { Resource, config, target } = Connection.checkedConfig(this, props);
    this.resource = new Resource(this, 'Resource', config);
    this.authorizationType = config.authorizationType;
    this.kmsKeyIdentifier = config.kmsKeyIdentifier;
    this._placement = target;
  }

  /**
   * Allows the IAM role named `roleName` to use the connection's credentials:
   * `events:RetrieveConnectionCredentials`, the secret and, with
   * `kmsKeyIdentifier`, `kms:Decrypt` (see {@link IConnection.grantRetrieveCredentials}).
   *
   * @param roleName the role's name (not its ARN), e.g. `role.name`
   */
  public grantRetrieveCredentials(roleName: string): RoleGrant {
    return grantCredentials(this, roleName, this._placement);
  }

  /**
   * Adopts a connection that exists outside Terraform: writes a Terraform
   * `import` block (Terraform 1.5 or later) that reads it into this
   * construct's resource at the next plan and apply, instead of creating a new
   * one. Describe the connection as it is (name, authorization, parameters):
   * a difference shows as an in-place update, or as a replacement for the
   * name. The import block can stay after the apply; it does nothing then.
   *
   * @param importId the connection's name, as `terraform import` takes it
   * (with `@<region>` for a connection with `region`)
   * @default - the construct's connection name (and `@<region>` when `region` is given)
   * @see https://developer.hashicorp.com/terraform/language/import
   */
  public adoptExisting(importId?: string): void {
    adoptByName(this, this.resource, importId, this.resource.nameInput, this._placement.region, 'connection', 'connectionName');
  }


  /**
   * Takes over a connection that this Terraform state holds at another
   * address, e.g. one created with the raw `CloudwatchEventConnection`
   * binding, without destroying it: writes a Terraform `moved` block from that
   * address to this construct's resource. Remove the old resource from the
   * code in the same change; describe the connection as the old resource did.
   *
   * @param resourceAddress the old address, e.g.
   * `aws_cloudwatch_event_connection.payments` (as `terraform state list`
   * shows it)
   * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring
   */
  public moveFrom(resourceAddress: string): void {
    moveFromAddress(this, this.resource, resourceAddress);
  }

  /**
   * The ARN of the connection.
   */
  public get connectionArn(): string {
    return this.#connectionArn ??= this.resource.arn;
  }

  /**
   * The name of the connection.
   */
  public get connectionName(): string {
    return this.#connectionName ??= this.resource.name;
  }

  /**
   * The ARN of the Secrets Manager secret in which EventBridge stores the
   * connection's authorization parameters.
   */
  public get connectionSecretArn(): string {
    return this.#connectionSecretArn ??= this.resource.secretArn;
  }

  /**
   * A prefix for the names of the OAuth parameter maps in messages (OAuthConnection's `oauth`).
   * @internal
   */
  protected get _parameterMapPrefix(): string {
    return '';
  }
}

/**
 * The one credentials grant of every connection (created, imported or looked up): the statements
 * of connectionCredentialStatements() in a RoleGrant, with the connection's provider.
 */
function grantCredentials(connection: Construct & IConnection, roleName: string, where: Placement): RoleGrant {
  return RoleGrant._grant(connection, 'CredentialsGrant', roleName,
    (grant) => connectionCredentialStatements(grant, connection, where), where.provider);
}

/** A connection given by ARN and optional attributes: what fromConnectionArn() and fromConnectionAttributes() return. */
class ImportedConnection extends Construct implements IConnection {
  public readonly connectionArn: string;
  public readonly connectionName: string;
  public readonly kmsKeyIdentifier?: string;
  /** @internal */
  public readonly _secretArnForPolicy: string;
  /** The secret ARN when it was given. */
  private readonly knownSecretArn?: string;
  private readonly method: string;

  constructor(scope: Construct, id: string, given: ConnectionAttributes, method: string) {
    super(scope, id);
    const check: Checker = new Checker(this);
    const attrs = check.props(given, 'Pass at least `connectionArn`.', 'attrs');
    check.string('connectionArn', attrs.connectionArn, CONNECTION_ARN,
      'Copy the ARN from the EventBridge console or `aws events describe-connection`.');
    check.optionalString('connectionName', attrs.connectionName, CONNECTION_NAME, 'Use the connection\'s exact name.');
    check.optionalString('connectionSecretArn', attrs.connectionSecretArn, SECRETS_MANAGER_SECRET_ARN,
      'Use the SecretArn that `aws events describe-connection` returns.');
    check.optionalString('kmsKeyIdentifier', attrs.kmsKeyIdentifier, KMS_KEY_IDENTIFIER,
      'Use the KmsKeyIdentifier that `aws events describe-connection` returns: a key ID, key ARN, alias name or alias ARN.');
    this.method = method;
    this.connectionArn = attrs.connectionArn;
    this.connectionName = attrs.connectionName ?? resourceNameFromArn(attrs.connectionArn);
    this.knownSecretArn = attrs.connectionSecretArn;
    this.kmsKeyIdentifier = attrs.kmsKeyIdentifier;
    this._secretArnForPolicy = this.knownSecretArn ?? connectionSecretArnPattern(this.connectionArn, this.connectionName);
  }

  public grantRetrieveCredentials(roleName: string): RoleGrant {
    return grantCredentials(this, roleName, {});
  }

  public get connectionSecretArn(): string {
    if (this.knownSecretArn === undefined) {
      throw new ValidationError(this, 'connectionSecretArn',
        `\`connectionSecretArn\` is not known for a connection imported with ${this.method} (at ${this.node.path}). ` +
        'Import it with Connection.fromConnectionAttributes() and `connectionSecretArn`, or with Connection.fromConnectionName().');
    }
    return this.knownSecretArn;
  }
}

/** A connection read by name through the data source, with the placement it was looked up with: what fromConnectionName() returns. */
class LookedUpConnection extends Construct implements IConnection {
  public readonly connectionArn: string;
  public readonly connectionName: string;
  public readonly connectionSecretArn: string;
  /** @internal */
  public readonly _placement: Placement;

  constructor(scope: Construct, id: string, connectionName: string, options: PlacementOptions) {
    super(scope, id);
    const check: Checker = new Checker(this);
    check.string('connectionName', connectionName, CONNECTION_NAME, 'Use the connection\'s exact name.');
    const Data = binding('DataAwsCloudwatchEventConnection');
    this._placement = placement(check, check.props(options, 'Pass the options as an object, or omit them.', 'options'), Data,
      { provider: 'the stack\'s default AWS provider', region: 'the provider\'s' });
    const data = new Data(this, 'Resource', { name: connectionName, provider: this._placement.provider, region: this._placement.region });
    this.connectionArn = data.arn;
    this.connectionName = connectionName;
    this.connectionSecretArn = data.secretArn;
  }

  public grantRetrieveCredentials(roleName: string): RoleGrant {
    return grantCredentials(this, roleName, this._placement);
  }
}
