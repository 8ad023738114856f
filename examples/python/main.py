#!/usr/bin/env python
"""Webhooks for an online shop: three EventBridge connections, one of each
authorization type, with secrets kept out of cdk.tf.json.

    npx cdktf synth     # writes cdktf.out/stacks/webhooks/cdk.tf.json

The Python twin of examples/typescript/main.ts.
"""
from constructs import Construct
from cdktf import App, TerraformOutput, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_eventbridge_connection import (
    ApiKeyConnection,
    BasicConnection,
    HttpMethod,
    HttpParameter,
    OAuthConnection,
    SecretValue,
)


class WebhooksStack(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-1")

        # API key read from a JSON field of a Secrets Manager secret at plan time.
        payments = ApiKeyConnection(
            self,
            "Payments",
            connection_name="payments-webhook",
            description="Payment events to the payment provider",
            api_key_name="x-api-key",
            api_key_value=SecretValue.secrets_manager("shop/payments", json_field="api_key"),
            header_parameters={"Content-Type": HttpParameter.from_string("application/json")},
        )

        # Basic authentication with the password in an SSM SecureString.
        fulfilment = BasicConnection(
            self,
            "Fulfilment",
            description="Orders to the warehouse system",
            username="eventbridge",
            password=SecretValue.ssm_secure_string("/shop/fulfilment/password"),
            query_string_parameters={"warehouse": HttpParameter.from_string("eu-1")},
        )

        # OAuth client credentials; the client secret is a sensitive variable.
        crm_client_secret = TerraformVariable(
            self,
            "crm_client_secret",
            type="string",
            sensitive=True,
            description="Client secret of the CRM OAuth app",
        )
        crm = OAuthConnection(
            self,
            "Crm",
            connection_name="crm",
            authorization_endpoint="https://login.crm.example.com/oauth2/token",
            http_method=HttpMethod.POST,
            client_id="shop-eventbridge",
            client_secret=SecretValue.from_terraform_variable(crm_client_secret),
            oauth_body_parameters={"grant_type": HttpParameter.from_string("client_credentials")},
            body_parameters={
                "source": HttpParameter.from_string("shop"),
                "signature": HttpParameter.from_secret(
                    SecretValue.secrets_manager("shop/crm", json_field="signature")),
            },
        )

        for connection in (payments, fulfilment, crm):
            TerraformOutput(self, f"{connection.node.id}Arn", value=connection.connection_arn)


def build_app() -> App:
    # The output directory is cdktf.out, or $CDKTF_OUTDIR when set (the cdktf CLI sets it).
    app = App()
    WebhooksStack(app, "webhooks")
    return app


if __name__ == "__main__":
    build_app().synth()
