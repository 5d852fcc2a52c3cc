import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  OidcStrategy,
} from '@backstage/plugin-kubernetes-backend';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { createHash, createHmac } from 'node:crypto';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import http from 'node:http';
import { CatalogClusterSupplier } from '../sources/CatalogClusterSupplier';
import { AddressInfo } from 'node:net';
import { builtInAuthStrategies } from '../registry/builtInAuthStrategies';
import { kubernetesClusterEntity } from '../testUtils';
import { ClusterDefinition } from '../types';
import { authModeOf } from './authMode';
import { UpstreamAuthStrategyAdapter } from './UpstreamAuthStrategyAdapter';

/*
 * Upstream's cloud strategies cannot reach AWS, Azure or Google from here. They are proven
 * against their own signing code with fixed inputs: AWS's token is a SigV4-presigned STS
 * GetCallerIdentity URL, checked here against an independent SigV4 computation (the algorithm of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
 * and AssumeRole is answered by a local server with a recorded STS response.
 */

const cluster = (
  authProvider: string,
  authMetadata: Record<string, string> = {},
): ClusterDefinition => ({
  name: 'eks-prod',
  url: 'https://eks.example.com',
  source: 'config',
  authProvider,
  authMetadata: {
    'kubernetes.io/auth-provider': authProvider,
    ...authMetadata,
  },
});

/** Upstream's oidc strategy in user mode, and a cluster that names this token provider. */
function oidcInUserMode(tokenProvider: string) {
  return {
    strategy: new UpstreamAuthStrategyAdapter(
      'oidc',
      new OidcStrategy(),
      'user',
    ),
    oidcCluster: cluster('oidc', {
      'kubernetes.io/oidc-token-provider': tokenProvider,
    }),
  };
}

const FIXED_NOW = new Date('2026-01-02T03:04:05Z');
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function decodeEksToken(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  return new URL(
    Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString(),
  );
}

/** SigV4 of a presigned GET, computed from the spec, not with the SDK. */
function expectedSignature(url: URL, clusterId: string, secret: string) {
  const query = [...url.searchParams.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    'GET',
    '/',
    query,
    `host:${url.host}`,
    `x-k8s-aws-id:${clusterId}`,
    '',
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const amzDate = url.searchParams.get('X-Amz-Date')!;
  const day = amzDate.slice(0, 8);
  const scope = `${day}/us-east-1/sts/aws4_request`;
  const toSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const hmac = (key: string | Buffer, data: string) =>
    createHmac('sha256', key).update(data).digest();
  let key = hmac(`AWS4${secret}`, day);
  key = hmac(key, 'us-east-1');
  key = hmac(key, 'sts');
  key = hmac(key, 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('UpstreamAuthStrategyAdapter', () => {
  const awsConfig = new ConfigReader({
    aws: {
      mainAccount: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    },
  });

  beforeEach(() => {
    // Only the clock is fixed: sockets and timers stay real.
    jest.useFakeTimers({
      now: FIXED_NOW,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    delete process.env.AWS_REGION;
  });

  afterEach(() => {
    jest.useRealTimers();
    delete process.env.AWS_ENDPOINT_URL_STS;
  });

  it('aws: upstream presigns an STS GetCallerIdentity URL for the cluster, as EKS expects', async () => {
    const strategy = new UpstreamAuthStrategyAdapter(
      'aws',
      new AwsIamStrategy({ config: awsConfig }),
      'service',
    );
    const credential = await strategy.getCredential(cluster('aws'));
    if (credential.type !== 'bearer token') throw new Error(credential.type);
    const url = decodeEksToken(credential.token);
    expect(url.origin).toBe('https://sts.us-east-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${ACCESS_KEY}/20260102/us-east-1/sts/aws4_request`,
      'X-Amz-Date': '20260102T030405Z',
      'X-Amz-Expires': expect.any(String),
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
      'X-Amz-Signature': expectedSignature(url, 'eks-prod', SECRET_KEY),
    });
  });

  it('aws: the x-k8s-aws-id annotation names the EKS cluster instead of the cluster name', async () => {
    const strategy = new UpstreamAuthStrategyAdapter(
      'aws',
      new AwsIamStrategy({ config: awsConfig }),
      'service',
    );
    const credential = await strategy.getCredential(
      cluster('aws', { 'kubernetes.io/x-k8s-aws-id': 'real-eks-name' }),
    );
    if (credential.type !== 'bearer token') throw new Error(credential.type);
    const url = decodeEksToken(credential.token);
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(url, 'real-eks-name', SECRET_KEY),
    );
  });

  it('aws: assumeRole and externalId reach STS AssumeRole, and the token is signed with the role', async () => {
    const requests: string[] = [];
    const sts = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        requests.push(body);
        res.setHeader('content-type', 'text/xml');
        if (new URLSearchParams(body).get('Action') === 'GetCallerIdentity') {
          // The credentials manager asks which account the main credentials belong to.
          res.end(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/backstage</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`);
          return;
        }
        // A recorded AssumeRole response (shape of the STS API reference), values replaced.
        res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/backstage-eks/backstage</Arn>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:backstage</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAJEXAMPLEXEG2JICEA</AccessKeyId>
      <SecretAccessKey>9drTJvcXLB89EXAMPLELB8923FB892xMFI</SecretAccessKey>
      <SessionToken>AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZye/qwjzP2iEXAMPLEtokenEXAMPLE</SessionToken>
      <Expiration>2026-01-02T04:04:05Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`);
      });
    });
    await new Promise<void>(resolve => sts.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${
      (sts.address() as AddressInfo).port
    }`;
    try {
      const strategy = builtInAuthStrategies({ config: awsConfig }).get('aws')!;
      const credential = await strategy.getCredential(
        cluster('aws', {
          'kubernetes.io/aws-assume-role':
            'arn:aws:iam::123456789012:role/backstage-eks',
          'kubernetes.io/aws-external-id': 'external-42',
        }),
      );
      const assumeRoles = requests
        .map(body => new URLSearchParams(body))
        .filter(params => params.get('Action') === 'AssumeRole');
      expect(assumeRoles).toHaveLength(1);
      const [assumeRole] = assumeRoles;
      expect(assumeRole.get('Action')).toBe('AssumeRole');
      expect(assumeRole.get('RoleArn')).toBe(
        'arn:aws:iam::123456789012:role/backstage-eks',
      );
      expect(assumeRole.get('ExternalId')).toBe('external-42');
      if (credential.type !== 'bearer token') throw new Error(credential.type);
      const url = decodeEksToken(credential.token);
      expect(url.searchParams.get('X-Amz-Credential')).toBe(
        'ASIAJEXAMPLEXEG2JICEA/20260102/us-east-1/sts/aws4_request',
      );
      expect(url.searchParams.get('X-Amz-Security-Token')).toContain(
        'EXAMPLEtoken',
      );
      expect(url.searchParams.get('X-Amz-Signature')).toBe(
        expectedSignature(
          url,
          'eks-prod',
          '9drTJvcXLB89EXAMPLELB8923FB892xMFI',
        ),
      );
    } finally {
      await new Promise(resolve => sts.close(resolve));
    }
  });

  it('aws: a catalog cluster logs in with its annotations, as with upstream', async () => {
    const catalogClusters = CatalogClusterSupplier.fromConfig(
      new ConfigReader({
        kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] },
      }),
      {
        catalog: catalogServiceMock({
          entities: [
            kubernetesClusterEntity('eks-from-catalog', {
              'kubernetes.io/api-server': 'https://8.8.8.8',
              'kubernetes.io/api-server-certificate-authority': 'Q0E=',
              'kubernetes.io/auth-provider': 'aws',
              'kubernetes.io/x-k8s-aws-id': 'eks-prod-id',
            }),
          ],
        }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      },
    )!;
    const [fromCatalog] = await catalogClusters.getClusters();
    const aws = builtInAuthStrategies({ config: awsConfig }).get('aws')!;
    expect(aws.validateCluster(fromCatalog.authMetadata)).toEqual([]);
    const credential = await aws.getCredential(fromCatalog);
    if (credential.type !== 'bearer token') throw new Error(credential.type);
    const url = decodeEksToken(credential.token);
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(url, 'eks-prod-id', SECRET_KEY),
    );
  });

  it('azure: the token of upstream AzureIdentityStrategy, fetched once and reused', async () => {
    const getToken = jest.fn(async () => ({
      token: 'aks-token',
      expiresOnTimestamp: FIXED_NOW.getTime() + 3_600_000,
    }));
    const strategy = new UpstreamAuthStrategyAdapter(
      'azure',
      new AzureIdentityStrategy(mockServices.logger.mock(), { getToken }),
      'service',
    );
    await expect(strategy.getCredential(cluster('azure'))).resolves.toEqual({
      type: 'bearer token',
      token: 'aks-token',
    });
    await strategy.getCredential(cluster('azure'));
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(getToken).toHaveBeenCalledWith(
      '6dae42f8-4368-4678-94ff-3960e28e3630/.default',
      expect.anything(),
    );
  });

  it('localKubectlProxy: anonymous', async () => {
    const strategy = new UpstreamAuthStrategyAdapter(
      'localKubectlProxy',
      new AnonymousStrategy(),
      'service',
    );
    await expect(
      strategy.getCredential(cluster('localKubectlProxy')),
    ).resolves.toEqual({ type: 'anonymous' });
  });

  it('passes a client certificate through and gives upstream the cluster as its locators would', async () => {
    const seen: unknown[] = [];
    const upstream: AuthenticationStrategy = {
      getCredential: async (details, auth) => {
        seen.push(details, auth);
        return { type: 'x509 client certificate', cert: 'C', key: 'K' };
      },
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    };
    const strategy = new UpstreamAuthStrategyAdapter('x', upstream, 'service');
    await expect(
      strategy.getCredential({
        ...cluster('x', { custom: 'value' }),
        title: 'Prod',
        caData: 'Q0E=',
        skipTLSVerify: false,
        dashboardUrl: 'https://dash',
      }),
    ).resolves.toEqual({
      type: 'x509 client certificate',
      cert: 'C',
      key: 'K',
    });
    expect(seen).toEqual([
      {
        name: 'eks-prod',
        title: 'Prod',
        url: 'https://eks.example.com',
        authMetadata: { 'kubernetes.io/auth-provider': 'x', custom: 'value' },
        skipTLSVerify: false,
        caData: 'Q0E=',
        caFile: undefined,
        dashboardUrl: 'https://dash',
      },
      {},
    ]);
  });

  it('user mode: says the viewer token is needed, and gives the viewer credential through upstream', async () => {
    const { strategy, oidcCluster } = oidcInUserMode('okta');
    await expect(strategy.getCredential(oidcCluster)).rejects.toThrow(
      "cluster 'eks-prod' uses authProvider 'oidc' (user mode): the watch cache reads it with a service credential, and none is configured; set kubeplatform.clusters[].cacheCredential for 'eks-prod'",
    );
    await expect(
      strategy.getViewerCredential(oidcCluster, { oidc: { okta: 'id-token' } }),
    ).resolves.toEqual({ type: 'bearer token', token: 'id-token' });
    expect(strategy.validateCluster({})).toEqual([
      new Error("Must specify a token provider for 'oidc' strategy"),
    ]);
    const aks = new UpstreamAuthStrategyAdapter(
      'aks',
      new AksStrategy(),
      'user',
    );
    await expect(
      aks.getViewerCredential(cluster('aks'), { aks: 'aks-user-token' }),
    ).resolves.toEqual({ type: 'bearer token', token: 'aks-user-token' });
  });

  it("oidc: finds the viewer's token whatever the case of oidcTokenProvider; an exact match first, as upstream", async () => {
    const { strategy, oidcCluster: okta } = oidcInUserMode('Okta');
    // Header names reach the backend lower-cased, so the request auth names `okta`.
    await expect(
      strategy.getViewerCredential(okta, { oidc: { okta: 'id-token' } }),
    ).resolves.toEqual({ type: 'bearer token', token: 'id-token' });
    await expect(
      strategy.getViewerCredential(okta, {
        oidc: { okta: 'lower', Okta: 'exact' },
      }),
    ).resolves.toEqual({ type: 'bearer token', token: 'exact' });
    await expect(
      strategy.getViewerCredential(
        cluster('oidc', { 'kubernetes.io/oidc-token-provider': 'okta' }),
        { oidc: { OKTA: 'upper' } },
      ),
    ).resolves.toEqual({ type: 'bearer token', token: 'upper' });
    await expect(
      strategy.getViewerCredential(okta, { oidc: { other: 'x' } }),
    ).rejects.toThrow('Auth token not found under oidc.Okta');
  });

  it('registers every upstream authProvider, with its mode', () => {
    const strategies = builtInAuthStrategies();
    expect(
      Object.fromEntries(
        [...strategies].map(([name, s]) => [name, authModeOf(s)]),
      ),
    ).toEqual({
      serviceAccount: 'service',
      clientCertificate: 'service',
      kubeconfig: 'service',
      aws: 'service',
      azure: 'service',
      googleServiceAccount: 'service',
      localKubectlProxy: 'service',
      oidc: 'user',
      google: 'user',
      aks: 'user',
    });
  });
});
