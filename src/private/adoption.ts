import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { Checker, describeValue } from './validation';

/*
 * Adopting what already runs: Terraform `import` blocks (an object created outside Terraform
 * becomes the construct's resource) and `moved` blocks (a resource of another address in the
 * same state, e.g. a raw CloudwatchEventConnection, becomes the construct's resource). Both go
 * through cdktf's own `importFrom` and `moveFromId` of the generated resource.
 */

/** An identifier of a Terraform address: a letter or _, then letters, digits, _ and -. */
const IDENT = '[A-Za-z_][A-Za-z0-9_-]*';
/** An instance key: `[0]` or `["key"]`. */
const KEY = '(\\[(\\d+|"[^"\\\\]*")\\])?';

/**
 * Writes an `import` block for `resource`: Terraform reads the object `importId` names into the
 * resource's address at the next plan/apply, instead of creating one.
 *
 * @param importId the import ID as given, or undefined to use `defaultId`
 * @param defaultId the ID the construct's own configuration implies, or undefined when it cannot
 * @param check validates a literal ID the user gave against the construct's configuration
 */
export function importExisting(
  scope: IConstruct,
  resource: TerraformResource,
  importId: string | undefined | null,
  defaultId: string | undefined,
  whyNoDefault: string,
  checkId: (id: string) => void,
): void {
  const check: Checker = new Checker(scope);
  let id: string;
  if (importId === undefined || importId === null) {
    if (defaultId === undefined) {
      check.fail('importId', 'is required here', importId, whyNoDefault);
    }
    id = defaultId;
  } else {
    check.requireString('importId', importId);
    if (!Token.isUnresolved(importId)) {
      if (importId.length === 0 || /\s/.test(importId)) {
        check.fail('importId', 'must be a non-empty import ID without white space', importId,
          'Pass the ID that `terraform import` takes for this resource type (see the README, "Adopting existing infrastructure").');
      }
      checkId(importId);
    }
    id = importId;
  }
  resource.importFrom(id, resource.provider);
}

/**
 * Writes a `moved` block from `address` to `resource`: the object Terraform's state holds at
 * `address` becomes this resource, with no destroy and no create.
 *
 * @param address e.g. `aws_cloudwatch_event_connection.payments`, optionally under `module.<name>.`
 *   and with an instance key (`[0]`, `["a"]`)
 */
export function moveFromAddress(scope: IConstruct, resource: TerraformResource, address: string): void {
  const check: Checker = new Checker(scope);
  check.requireString('resourceAddress', address);
  const type = resource.terraformResourceType;
  const own = `${type}.${resource.friendlyUniqueId}`;
  if (!Token.isUnresolved(address)) {
    const pattern = new RegExp(`^(module\\.${IDENT}${KEY}\\.)*${type}\\.${IDENT}${KEY}$`);
    if (!pattern.test(address)) {
      check.fail('resourceAddress', `must be the address of a ${type} resource (${type}.<name>, optionally under module.<name>.)`,
        address, `Use the address \`terraform state list\` shows for the old resource, e.g. "${type}.example".`);
    }
    if (address === own) {
      check.fail('resourceAddress', 'must differ from the construct\'s own address', address,
        'Pass the address the resource had before, in the old configuration.');
    }
  }
  const moved = resource.hasResourceMove();
  if (moved !== undefined) {
    const from = 'from' in moved ? moved.from : moved.moveTarget;
    check.fail('resourceAddress', `cannot be set twice: the resource is already moved from ${describeValue(from)}`, address,
      'A resource can be moved from one address only; remove the other moveFrom() call.');
  }
  resource.moveFromId(address);
}
