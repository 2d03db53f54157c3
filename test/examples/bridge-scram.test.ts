import * as YAML from 'yaml';
import { build } from '../../examples/bridge-scram/main';
import { docOf, synthExample } from '../util';

describe('examples/bridge-scram', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('SCRAM-SHA-512 over TLS, CORS for one origin', () => {
    const spec = docOf(docs, 'KafkaBridge', 'orders').spec;
    expect(spec.authentication).toEqual({ type: 'scram-sha-512', username: 'orders-bridge', passwordSecret: { secretName: 'orders-bridge', password: 'password' } });
    expect(spec.tls).toEqual({ trustedCertificates: [{ secretName: 'orders-cluster-ca-cert', certificate: 'ca.crt' }] });
    expect(spec.http).toEqual({ port: 8080, cors: { allowedOrigins: ['https://shop\\.example\\.com'], allowedMethods: ['GET', 'POST'] } });
  });
});
