import { CliError } from './CliError';

/** The devenv API URL, without a trailing slash; only http(s). */
export function apiUrl(value: string | undefined): string {
  if (!value) {
    throw new CliError(
      '--api is required: the devenv API, e.g. https://backstage.example.com/api/devenv',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--api ${value} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(`--api must be an http(s) URL, not ${url.protocol}`);
  }
  return url.toString().replace(/\/$/, '');
}

/** An environment as `<cluster>/<name>`, and its API path. */
export function environmentRef(value: string | undefined): {
  ref: string;
  path: string;
} {
  const match =
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/.exec(
      value ?? '',
    );
  if (!match) {
    throw new CliError(
      `Name the environment as <cluster>/<name>, e.g. dev-eu/my-env${
        value ? ` (got "${value}")` : ''
      }`,
    );
  }
  return {
    ref: value!,
    path: `/environments/${encodeURIComponent(match[1])}/${encodeURIComponent(
      match[3],
    )}`,
  };
}
