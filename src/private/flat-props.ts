import type { Authorization } from '../authorization';

/**
 * The props of a flat connection construct with the authorization made from
 * them. A missing props object (possible from Python or JSON) becomes `{}`,
 * so that the first missing required prop is reported by name.
 */
export function withAuthorization<P extends object>(
  props: P,
  make: (props: P) => Authorization,
): P & { authorization: Authorization } {
  const given = (props !== null && typeof props === 'object' ? props : {}) as P;
  return { ...given, authorization: make(given) };
}
