import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const MAX_LENGTH = 64;
const INVALID = /[^.\-_A-Za-z0-9]+/g;

/**
 * A default physical name for a construct, valid for EventBridge names
 * (1-64 characters of A-Z a-z 0-9 . - _), unique per stack and deterministic:
 * built from the stack name and the construct's path below the stack, so
 * adding unrelated constructs elsewhere never changes it.
 *
 * When the readable form had to be changed (characters removed, or too long),
 * or an id below the stack contains the "-" that joins the ids, an
 * 8-character hash of the full path is appended so that two paths never
 * collapse to one name.
 */
export function defaultPhysicalName(construct: IConstruct): string {
  const stack = TerraformStack.of(construct);
  const below = construct.node.scopes.slice(construct.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
  const parts = [stack.node.id, ...below];
  const readable = parts.map((p) => p.replace(INVALID, '')).filter((p) => p.length > 0).join('-');
  const exact = parts.join('-');
  // "-" joins the ids, so an id below the stack that contains "-" makes the
  // readable form ambiguous ("a-b" and "a"/"b" both give "Stack-a-b"): hash it.
  const ambiguous = below.some((id) => id.includes('-'));
  if (readable === exact && !ambiguous && readable.length <= MAX_LENGTH) {
    return readable;
  }
  const hash = createHash('sha256').update(parts.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const room = MAX_LENGTH - hash.length - 1;
  const head = readable.length > room ? readable.slice(readable.length - room) : readable;
  const trimmed = head.replace(/^-+/, '');
  return trimmed.length > 0 ? `${trimmed}-${hash}` : hash;
}
