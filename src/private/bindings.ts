/*
 * The provider bindings the library creates, loaded on first use: the one import style of the
 * library. Constructs import binding types with `import type` (free at run time) and get each
 * class here, with `binding('CloudwatchEventConnection')`, when they first create one. A
 * program loads only the bindings it uses: the rule target binding alone costs about 17 ms of
 * start-up (bench/RESULTS.md), and a program of connections never loads the IAM or target ones.
 * Deep paths only: the package index loads about 2,200 modules.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import type { CloudwatchEventConnection, CloudwatchEventConnectionAuthParametersOutputReference } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import type { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import type { DataAwsCloudwatchEventConnection } from '@cdktf/provider-aws/lib/data-aws-cloudwatch-event-connection';
import type { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { DataAwsKmsKey } from '@cdktf/provider-aws/lib/data-aws-kms-key';
import type { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import type { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { PipesPipe } from '@cdktf/provider-aws/lib/pipes-pipe';
import type { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';

const LOADERS = {
  CloudwatchEventApiDestination: () => require('@cdktf/provider-aws/lib/cloudwatch-event-api-destination')
    .CloudwatchEventApiDestination as typeof CloudwatchEventApiDestination,
  CloudwatchEventConnection: () => require('@cdktf/provider-aws/lib/cloudwatch-event-connection')
    .CloudwatchEventConnection as typeof CloudwatchEventConnection,
  // The class of auth_parameters, whose getters say which nested arguments the binding has.
  CloudwatchEventConnectionAuthParameters: () => require('@cdktf/provider-aws/lib/cloudwatch-event-connection')
    .CloudwatchEventConnectionAuthParametersOutputReference as typeof CloudwatchEventConnectionAuthParametersOutputReference,
  CloudwatchEventTarget: () => require('@cdktf/provider-aws/lib/cloudwatch-event-target')
    .CloudwatchEventTarget as typeof CloudwatchEventTarget,
  DataAwsCloudwatchEventConnection: () => require('@cdktf/provider-aws/lib/data-aws-cloudwatch-event-connection')
    .DataAwsCloudwatchEventConnection as typeof DataAwsCloudwatchEventConnection,
  DataAwsIamPolicyDocument: () => require('@cdktf/provider-aws/lib/data-aws-iam-policy-document')
    .DataAwsIamPolicyDocument as typeof DataAwsIamPolicyDocument,
  DataAwsKmsKey: () => require('@cdktf/provider-aws/lib/data-aws-kms-key').DataAwsKmsKey as typeof DataAwsKmsKey,
  DataAwsSecretsmanagerSecretVersion: () => require('@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version')
    .DataAwsSecretsmanagerSecretVersion as typeof DataAwsSecretsmanagerSecretVersion,
  DataAwsSsmParameter: () => require('@cdktf/provider-aws/lib/data-aws-ssm-parameter')
    .DataAwsSsmParameter as typeof DataAwsSsmParameter,
  IamRole: () => require('@cdktf/provider-aws/lib/iam-role').IamRole as typeof IamRole,
  IamRolePolicy: () => require('@cdktf/provider-aws/lib/iam-role-policy').IamRolePolicy as typeof IamRolePolicy,
  PipesPipe: () => require('@cdktf/provider-aws/lib/pipes-pipe').PipesPipe as typeof PipesPipe,
  SqsQueuePolicy: () => require('@cdktf/provider-aws/lib/sqs-queue-policy').SqsQueuePolicy as typeof SqsQueuePolicy,
};

type Bindings = { [K in keyof typeof LOADERS]: ReturnType<(typeof LOADERS)[K]> };

const loaded: Partial<Bindings> = {};

/** A provider binding class, loaded the first time it is asked for. */
export function binding<K extends keyof Bindings>(name: K): Bindings[K] {
  return (loaded[name] ??= LOADERS[name]() as Bindings[K] as never) as Bindings[K];
}
