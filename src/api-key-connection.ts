import { Construct } from 'constructs';
import { Authorization } from './authorization';
import { Connection, ConnectionOptions } from './connection';
import { withAuthorization } from './private/flat-props';
import { SecretValue } from './secret-value';

/**
 * Properties of an {@link ApiKeyConnection}.
 */
export interface ApiKeyConnectionProps extends ConnectionOptions {
  /**
   * The name of the header that carries the API key, for example `x-api-key`:
   * 1-512 characters, no control characters, no `:`.
   */
  readonly apiKeyName: string;

  /**
   * The API key: 1-512 characters, no control characters, no `:`.
   */
  readonly apiKeyValue: SecretValue;
}

/**
 * An EventBridge connection that authorizes with an API key sent in a header
 * (`authorization_type = "API_KEY"`).
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateConnectionApiKeyAuthRequestParameters.html
 */
export class ApiKeyConnection extends Connection {
  constructor(scope: Construct, id: string, props: ApiKeyConnectionProps) {
    super(scope, id, withAuthorization(props, (p) => Authorization.apiKey(p.apiKeyName, p.apiKeyValue)));
  }
}
