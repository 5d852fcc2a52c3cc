import { apiUrl, environmentRef } from './arguments';

describe('arguments', () => {
  it('accepts an http(s) API URL without its trailing slash', () => {
    expect(apiUrl('https://b.example.com/api/devenv/')).toBe(
      'https://b.example.com/api/devenv',
    );
    expect(() => apiUrl(undefined)).toThrow('--api is required');
    expect(() => apiUrl('file:///etc/passwd')).toThrow('http(s)');
    expect(() => apiUrl('not a url')).toThrow('is not a URL');
  });

  it('takes <cluster>/<name> and nothing that could leave the API path', () => {
    expect(environmentRef('dev-eu/my-env')).toEqual({
      ref: 'dev-eu/my-env',
      path: '/environments/dev-eu/my-env',
    });
    for (const bad of ['dev-eu', 'dev-eu/../x', 'dev-eu/a/b', 'Dev/x', '']) {
      expect(() => environmentRef(bad)).toThrow('<cluster>/<name>');
    }
  });
});
