import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { HttpParameter, RenderedHttpParameter } from '../http-parameter';
import type { Placement } from './placement';
import {
  BODY_KEY,
  HEADER_KEY,
  HEADER_VALUE,
  MAX_PARAMETERS_PER_LIST,
  PATH_PARAMETER,
  QUERY_KEY,
  QUERY_VALUE,
  TARGET_HEADER_VALUE,
  TARGET_QUERY_VALUE,
} from './rules';
import { Checker, described, StringRule } from './validation';

/** One `header`, `query_string` or `body` block of the provider schema. */
export interface ParameterBlock {
  readonly key: string;
  readonly value: string;
  readonly isValueSecret: boolean;
}

/** The `invocation_http_parameters` / `oauth_http_parameters` block. */
export interface HttpParametersBlock {
  header?: ParameterBlock[];
  queryString?: ParameterBlock[];
  body?: ParameterBlock[];
}

/** The three parameter maps as a user gives them. */
export interface HttpParameterMaps {
  readonly header?: { readonly [key: string]: HttpParameter };
  readonly queryString?: { readonly [key: string]: HttpParameter };
  readonly body?: { readonly [key: string]: HttpParameter };
}

type ParameterKind = 'header' | 'queryString' | 'body';

/**
 * The prop that holds a parameter map, for messages: `headerParameters`, or with a prefix
 * `oauthHeaderParameters` (OAuthConnection's names for the OAuth maps).
 */
export function parameterMapProperty(kind: ParameterKind, prefix = ''): string {
  const name = `${kind}Parameters`;
  return prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name;
}

interface Kind {
  readonly key: StringRule;
  readonly value?: StringRule;
  readonly keyFix: string;
}

const KINDS: { readonly [k in ParameterKind]: Kind } = {
  header: {
    key: HEADER_KEY,
    value: HEADER_VALUE,
    keyFix: 'Use a valid HTTP header name such as "X-Api-Key".',
  },
  queryString: {
    key: QUERY_KEY,
    value: QUERY_VALUE,
    keyFix: 'Remove control characters from the key.',
  },
  body: {
    key: BODY_KEY,
    keyFix: 'Name the body field.',
  },
};

/**
 * Validates and renders the three parameter maps into the provider's block; messages name the
 * maps with `parameterMapProperty(kind, prefix)`. Returns undefined when all three are empty.
 */
export function renderHttpParameters(
  scope: Construct,
  maps: HttpParameterMaps,
  target: Placement,
  prefix = '',
): HttpParametersBlock | undefined {
  const block: HttpParametersBlock = {};
  for (const kind of ['header', 'queryString', 'body'] as const) {
    const rendered = renderList(scope, parameterMapProperty(kind, prefix), maps[kind], KINDS[kind], target);
    if (rendered.length > 0) block[kind] = rendered;
  }
  return Object.keys(block).length > 0 ? block : undefined;
}

/** The number of entries in a parameter map, 0 when absent. */
export function countParameters(map: { readonly [key: string]: HttpParameter } | undefined): number {
  return map && typeof map === 'object' ? Object.keys(map).length : 0;
}

function renderList(
  scope: Construct,
  property: string,
  map: { readonly [key: string]: HttpParameter } | undefined,
  kind: Kind,
  target: Placement,
): ParameterBlock[] {
  const check: Checker = new Checker(scope);
  if (map === undefined) return [];
  if (map === null || typeof map !== 'object' || Array.isArray(map) || Token.isUnresolved(map)) {
    check.fail(property, 'must be a map of parameter names to HttpParameter values', map,
      'Pass an object such as { "X-Api-Key": HttpParameter.fromString("value") }.');
  }
  const keys = Object.keys(map);
  if (keys.length > MAX_PARAMETERS_PER_LIST) {
    check.fail(property, `must have at most ${MAX_PARAMETERS_PER_LIST} entries`,
      described(`${keys.length} entries`), 'Remove entries, or move values into fewer parameters.');
  }
  return keys.map((key) => {
    check.string(`${property}`, key, kind.key, kind.keyFix);
    const entry = `${property}[${JSON.stringify(key)}]`;
    const parameter = map[key] as unknown;
    // A Python subclass, a plain object or a string has no _render: only the factories make one.
    if (parameter === null || typeof parameter !== 'object' || typeof (parameter as HttpParameter)._render !== 'function') {
      check.fail(entry, 'must be made with HttpParameter.fromString() or HttpParameter.fromSecret()', parameter,
        'Wrap the value, for example HttpParameter.fromString("value").');
    }
    const rendered = renderParameter(scope, entry, parameter as HttpParameter, target);
    if (kind.value) {
      const rule = kind.value;
      const fix = 'Remove control characters from the value, or shorten it to 512 characters.';
      if (rendered.secret) {
        rendered.secret._checkLiteral((value) => check.string(entry, value, rule, fix, { secret: true }));
      } else {
        check.string(entry, rendered.value, rule, fix);
      }
    }
    return { key, value: rendered.value, isValueSecret: rendered.isValueSecret };
  });
}

function renderParameter(
  scope: Construct,
  property: string,
  parameter: HttpParameter,
  target: Placement,
): RenderedHttpParameter {
  const rendered = parameter._render(scope, { ...target, property });
  if (typeof rendered.value !== 'string') {
    const check: Checker = new Checker(scope);
    check.fail(property, 'must have a string value', rendered.isValueSecret ? described('a non-string secret') : rendered.value,
      'Pass a string to HttpParameter.fromString() or a SecretValue to HttpParameter.fromSecret().');
  }
  return rendered;
}

/**
 * The parameters of one call to an API destination, not secret, values may be JSON paths into
 * the event: a rule target's `http_target`, a pipe target's or enrichment's `http_parameters`.
 */
export interface ApiDestinationHttpParameters {
  readonly headerParameters?: { [key: string]: string };
  readonly pathParameterValues?: string[];
  readonly queryStringParameters?: { [key: string]: string };
}

/**
 * Validates the three maps of a call to an API destination (the same rules for a rule target,
 * a pipe's target and its enrichment) and returns the block, or undefined when all are empty.
 *
 * @param prefix what the props sit under, for messages, e.g. "enrichment."
 */
export function renderApiDestinationHttpParameters(
  check: Checker,
  given: ApiDestinationHttpParameters,
  prefix = '',
): ApiDestinationHttpParameters | undefined {
  const headerParameters = check.stringMap(`${prefix}headerParameters`, given.headerParameters, {
    key: HEADER_KEY,
    keyFix: 'Use a valid HTTP header name such as "X-Source".',
    value: TARGET_HEADER_VALUE,
    valueFix: 'Remove control characters from the value, or shorten it to 512 characters.',
  });
  const queryStringParameters = check.stringMap(`${prefix}queryStringParameters`, given.queryStringParameters, {
    key: QUERY_KEY,
    keyFix: 'Remove control characters from the key.',
    value: TARGET_QUERY_VALUE,
    valueFix: 'Remove control characters from the value, or shorten it to 512 characters.',
  });
  const pathParameterValues = check.stringList(`${prefix}pathParameterValues`, given.pathParameterValues, PATH_PARAMETER,
    'Pass a value or a JSON path such as "$.detail.id" for each `*` of the endpoint.');
  if (!headerParameters && !queryStringParameters && !pathParameterValues) return undefined;
  return { headerParameters, queryStringParameters, pathParameterValues };
}
