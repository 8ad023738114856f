import * as fc from 'fast-check';
import { App, TerraformStack, Testing } from 'cdktf';
import { ApiKeyConnection, HttpParameter, SecretValue, Connection, Authorization } from '../../src';
const model = require('../../../shared/reference/eventbridge-connection-model.json');
test('probe', () => {
  for (const s of ['AuthHeaderParameters','HeaderKey','HeaderValueSensitive','QueryStringKey','QueryStringValueSensitive','HttpsEndpoint','KmsKeyIdentifier','ResourceConfigurationArn','ConnectionArn','ConnectionName']) {
    let p = model.shapes[s].pattern; if (!p.startsWith('^')) p = `^(?:${p})$`;
    try { console.log(s, JSON.stringify(fc.sample(fc.stringMatching(new RegExp(p), { maxLength: model.shapes[s].max }), { numRuns: 4, seed: 1 }))); } catch (e) { console.log(s, 'ERR', String(e)); }
  }
  const tries: Array<[string, () => unknown]> = [
    ['fromSecret string', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v'), headerParameters: { a: HttpParameter.fromSecret('RAWSECRET' as any) } }); }],
    ['provider string', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v'), provider: 'x' as any }); Testing.synth(st); }],
    ['json conn', () => { const st = new TerraformStack(Testing.app(), 's'); const c = new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('SECRETX') }); console.log(String(c)); return JSON.stringify(c); }],
    ['json auth', () => JSON.stringify(Authorization.oauth({ clientSecret: SecretValue.unsafePlainText('SECRETX') } as any))],
    ['json param', () => JSON.stringify([HttpParameter.fromSecret(SecretValue.unsafePlainText('SECRETX')), String(HttpParameter.fromSecret(SecretValue.unsafePlainText('SECRETX')))])],
    ['plain number', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText(987654 as any) }); }],
    ['var string', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.fromTerraformVariable('RAWSECRET' as any) }); }],
    ['auth null', () => { const st = new TerraformStack(Testing.app(), 's'); new Connection(st, 'c', { authorization: null as any }); }],
    ['auth fake', () => { const st = new TerraformStack(Testing.app(), 's'); new Connection(st, 'c', { authorization: { authorizationType: 'API_KEY', _bind: () => ({}) } as any }); }],
    ['props undef', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', undefined as any); }],
    ['conn undef', () => { const st = new TerraformStack(Testing.app(), 's'); new Connection(st, 'c', undefined as any); }],
    ['desc null', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.unsafePlainText('v'), description: null as any }); }],
    ['name arr', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: ['a'] as any, apiKeyValue: SecretValue.unsafePlainText('v') }); }],
    ['oauth props undefined', () => { const st = new TerraformStack(Testing.app(), 's'); new Connection(st, 'c', { authorization: Authorization.oauth(undefined as any) }); }],
    ['sm options', () => { const st = new TerraformStack(Testing.app(), 's'); new ApiKeyConnection(st, 'c', { apiKeyName: 'k', apiKeyValue: SecretValue.secretsManager('x', null as any) }); }],
  ];
  for (const [n, f] of tries) { try { console.log(n, 'OK', f()); } catch (e: any) { console.log(n, e.constructor.name, e.message); } }
});
