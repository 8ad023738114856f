"""The one way the Python suite makes a stack: `new_stack()`.

Written in the cdktf vocabulary like every test; for another flavour the import alias
of conftest.py (flavour.py) makes `cdktf` and `cdktf_cdktf_provider_aws` that flavour's
framework and provider binding, so the stack and its AwsProvider are the flavour's own.
"""
from typing import Optional

from cdktf import App, Testing, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider


def new_stack(app: Optional[App] = None, name: str = "test", region: Optional[str] = "us-east-1") -> TerraformStack:
    """A stack `name` in `app` (default: a fresh `Testing.app()`) with the default AWS provider.

    The provider's construct id is `aws`, in `region`; `region=None` makes a stack with no
    AWS provider at all. Like the TypeScript tests' `newStack()`.
    """
    stack = TerraformStack(app if app is not None else Testing.app(), name)
    if region is not None:
        AwsProvider(stack, "aws", region=region)
    return stack
