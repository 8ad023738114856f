import { Construct } from 'constructs';
import type { ConnectionAttributes, IConnection } from '../connection';
import { ValidationError } from '../errors';
import type { PlacementOptions } from '../placement';
import type { RoleGrant } from '../role-grant';
import { resourceNameFromArn } from './arns';
import { binding } from './bindings';
import { connectionCredentialStatements } from './connection-permissions';
import { Placement, placement } from './placement';
import { grantToRole } from './role-grants';
import { CONNECTION_ARN, CONNECTION_NAME, KMS_KEY_IDENTIFIER, SECRETS_MANAGER_SECRET_ARN } from './rules';
import { Checker } from './validation';

/*
 * The connections that Connection.fromConnectionArn(), fromConnectionAttributes() and
 * fromConnectionName() return.
 */

/** A connection given by ARN and optional attributes. */
export class ImportedConnection extends Construct implements IConnection {
  public readonly connectionArn: string;
  public readonly connectionName: string;
  public readonly kmsKeyIdentifier?: string;
  /** The secret ARN when it was given. */
  public readonly knownSecretArn?: string;
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
  }

  public grantRetrieveCredentials(roleName: string): RoleGrant {
    return grantToRole(this, 'CredentialsGrant', roleName, (grant) => connectionCredentialStatements(grant, this, {}));
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

/** A connection read by name through the data source, with the placement it was looked up with. */
export class LookedUpConnection extends Construct implements IConnection {
  public readonly connectionArn: string;
  public readonly connectionName: string;
  public readonly connectionSecretArn: string;
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
    return grantToRole(this, 'CredentialsGrant', roleName,
      (grant) => connectionCredentialStatements(grant, this, this._placement), this._placement.provider);
  }
}

/**
 * A connection's secret ARN, or undefined where it is not known (a connection imported by ARN
 * alone), without reading the getter that throws for those.
 */
export function knownConnectionSecretArn(connection: IConnection): string | undefined {
  return connection instanceof ImportedConnection ? connection.knownSecretArn : connection.connectionSecretArn;
}
