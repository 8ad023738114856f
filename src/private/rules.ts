import { StringRule } from './validation';

/*
 * The constraints of the EventBridge API model (botocore `events` 2015-10-07,
 * see shared/reference/eventbridge-connection-model.json) and of the Terraform
 * provider, one constant per shape. Patterns are the model's own, anchored so
 * that they match the whole value, and compiled once here.
 */

/** ConnectionName. */
export const CONNECTION_NAME: StringRule = {
  min: 1,
  max: 64,
  pattern: /^[.\-_A-Za-z0-9]+$/,
  text: 'must be 1-64 characters of A-Z a-z 0-9 . - _',
};

/** ConnectionDescription. */
export const DESCRIPTION: StringRule = {
  min: 0,
  max: 512,
  text: 'must be at most 512 characters',
};

/** AuthHeaderParameters and AuthHeaderParametersSensitive. */
export const AUTH_HEADER: StringRule = {
  min: 1,
  max: 512,
  // eslint-disable-next-line no-control-regex
  pattern: /^[ \t]*[^\x00-\x1F:\x7F]+([ \t]+[^\x00-\x1F:\x7F]+)*[ \t]*$/,
  text: 'must be 1-512 characters with no control characters and no ":"',
};

/** HttpsEndpoint, plus the provider's and the service's https requirement. */
export const HTTPS_ENDPOINT: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^https:\/\/((%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@&=+$,A-Za-z0-9])+)([).!';/?:,])?$/,
  text: 'must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and -()_.!~*\';/?:@&=+$,)',
};

/** ConnectionOAuthHttpMethod. */
export const OAUTH_HTTP_METHODS: ReadonlyArray<string> = ['GET', 'POST', 'PUT'];

/** HeaderKey. */
export const HEADER_KEY: StringRule = {
  min: 1,
  max: 512,
  pattern: /^[!#$%&'*+\-.^_`|~0-9a-zA-Z,]+$/,
  text: "must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & ' * + , - . ^ _ ` | ~)",
};

/** HeaderValueSensitive. */
export const HEADER_VALUE: StringRule = {
  min: 1,
  max: 512,
  pattern: /^[ \t]*[\x20-\x7E]+([ \t]+[\x20-\x7E]+)*[ \t]*$/,
  text: 'must be 1-512 printable ASCII characters',
};

/** QueryStringKey. */
export const QUERY_KEY: StringRule = {
  min: 1,
  max: 512,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x1F\x7F]+$/,
  text: 'must be 1-512 characters with no control characters',
};

/** QueryStringValueSensitive. */
export const QUERY_VALUE: StringRule = {
  min: 1,
  max: 512,
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\x00-\x09\x0B\x0C\x0E-\x1F\x7F]+$/,
  text: 'must be 1-512 characters with no control characters other than line breaks',
};

/** ConnectionBodyParameter.Key (String): the model sets no bound; an empty key is refused. */
export const BODY_KEY: StringRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  text: 'must not be empty',
};

/** KmsKeyIdentifier. */
export const KMS_KEY_IDENTIFIER: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^[a-zA-Z0-9_\-/:]+$/,
  text: 'must be a KMS key id, key ARN, alias name or alias ARN of 1-2048 characters of A-Z a-z 0-9 _ - / :',
};

/** ResourceConfigurationArn. */
export const RESOURCE_CONFIGURATION_ARN: StringRule = {
  min: 1,
  max: 2048,
  pattern: /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17}$/,
  text: 'must be a VPC Lattice resource configuration ARN (arn:<partition>:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-<17 characters>)',
};

/** ConnectionArn. */
export const CONNECTION_ARN: StringRule = {
  min: 1,
  max: 1600,
  pattern: /^arn:aws([a-z]|-)*:events:([a-z]|\d|-)*:([0-9]{12})?:connection\/[.\-_A-Za-z0-9]+\/[-A-Za-z0-9]+$/,
  text: 'must be an EventBridge connection ARN (arn:<partition>:events:<region>:<account>:connection/<name>/<id>)',
};

/**
 * SecretsManagerSecretArn, for an imported connection's secret. The model's
 * name class lacks "!", which every connection secret name has
 * (`events!connection/<name>/<id>`), so "!" is allowed here.
 */
export const SECRETS_MANAGER_SECRET_ARN: StringRule = {
  min: 20,
  max: 2048,
  pattern: /^arn:aws([a-z]|-)*:secretsmanager:([a-z]|\d|-)*:([0-9]{12})?:secret:[/_+=.@!\-A-Za-z0-9]+$/,
  text: 'must be a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>)',
};

/** ConnectionHeaderParametersList, ConnectionQueryStringParametersList, ConnectionBodyParametersList. */
export const MAX_PARAMETERS_PER_LIST = 100;
