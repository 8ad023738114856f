export * from './secret-value';
export * from './http-parameter';
export * from './authorization';
export * from './connection';
export * from './api-key-connection';
export * from './basic-connection';
export * from './oauth-connection';
