import { Construct } from 'constructs';
import { Authorization } from './authorization';
import { Connection, ConnectionOptions } from './connection';
import { withAuthorization } from './private/flat-props';
import { SecretValue } from './secret-value';

/**
 * Properties of a {@link BasicConnection}.
 */
export interface BasicConnectionProps extends ConnectionOptions {
  /**
   * The username: 1-512 characters, no control characters, no `:`.
   */
  readonly username: string;

  /**
   * The password: 1-512 characters, no control characters, no `:`.
   */
  readonly password: SecretValue;
}

/**
 * An EventBridge connection that authorizes with HTTP basic authentication
 * (`authorization_type = "BASIC"`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateConnectionBasicAuthRequestParameters.html
 */
export class BasicConnection extends Connection {
  constructor(scope: Construct, id: string, props: BasicConnectionProps) {
    super(scope, id, withAuthorization(props, (p) => Authorization.basic(p.username, p.password)));
  }
}
