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
 * Adopts the object named `name` (a connection or an API destination: resources whose import ID
 * is their name, with `@<region>` for one placed with `region`).
 *
 * @param noun what the resource is, in messages ("connection")
 * @param nameProperty the construct's property that sets the name ("connectionName")
 */
export function adoptByName(
  scope: IConstruct,
  resource: TerraformResource,
  importId: string | undefined | null,
  name: string | undefined,
  region: string | undefined,
  noun: string,
  nameProperty: string,
): void {
  const defaultId = name === undefined ? undefined : region === undefined ? name : `${name}@${region}`;
  importExisting(scope, resource, importId, defaultId, `Pass the ${noun}'s name.`, (id) => {
    const given = id.split('@')[0];
    if (name !== undefined && !Token.isUnresolved(name) && given !== name) {
      new Checker(scope).fail('importId', `must name this ${noun} ("${name}"); Terraform would replace the imported one`, id,
        `Set \`${nameProperty}\` to the existing ${noun}'s name, or omit \`importId\`.`);
    }
  });
}

/** What a rule target's import ID is built from. */
export interface TargetIdentity {
  readonly ruleName: string;
  readonly eventBusName?: string;
  readonly targetId?: string;
  readonly region?: string;
}

/**
 * Adopts a rule target: its import ID is `[<bus>/]<rule>/<target ID>` (with `@<region>`), and
 * needs the target ID, which Terraform cannot know for a target whose ID it generates. The bus is
 * written as the target gives it, a name or an ARN: the provider's import sets `event_bus_name`
 * from the ID (an ARN is recognised before the last two `/`), and a different form there than in
 * the configuration would plan the adopted target for replacement.
 */
export function adoptTarget(scope: IConstruct, resource: TerraformResource, importId: string | undefined | null, target: TargetIdentity): void {
  const { ruleName, targetId, region } = target;
  let defaultId: string | undefined;
  if (targetId !== undefined) {
    const bus = target.eventBusName;
    defaultId = `${bus === undefined ? '' : `${bus}/`}${ruleName}/${targetId}`
      + (region === undefined ? '' : `@${region}`);
  }
  importExisting(scope, resource, importId, defaultId,
    'Set `targetId` to the existing target\'s ID (Terraform cannot import a target whose ID it generates), or pass `importId` as "<rule name>/<target ID>".',
    (id) => {
      const parts = id.split('@')[0].split('/');
      if (parts.length < 2) {
        new Checker(scope).fail('importId', 'must be "<rule name>/<target ID>" or "<event bus name>/<rule name>/<target ID>"', id,
          'Pass the rule\'s name and the target\'s ID, separated by "/".');
      }
      const [rule, imported] = parts.slice(-2);
      for (const [property, configured, given] of [['ruleName', ruleName, rule], ['targetId', targetId, imported]]) {
        if (configured !== undefined && !Token.isUnresolved(configured) && configured !== given) {
          new Checker(scope).fail('importId', `must name this target's ${property} ("${configured}"); Terraform would replace the imported target`, id,
            `Set \`${property}\` to the existing target's, or omit \`importId\`.`);
        }
      }
    });
}

/**
 * Writes an `import` block for `resource`: Terraform reads the object `importId` names into the
 * resource's address at the next plan/apply, instead of creating one.
 *
 * @param importId the import ID as given, or undefined to use `defaultId`
 * @param defaultId the ID the construct's own configuration implies, or undefined when it cannot
 * @param check validates a literal ID the user gave against the construct's configuration
 */
function importExisting(
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
