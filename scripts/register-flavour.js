/*
 * `node -r ./scripts/register-flavour.js ...`: resolve `cdktf` and `@cdktf/provider-aws` to the
 * packages of the matrix entry named by FLAVOUR (see flavours.js), in a child process that runs
 * the TypeScript sources. Does nothing for the default entry.
 */
'use strict';
const { currentTarget, registerResolver } = require('./flavours');

registerResolver(currentTarget());
