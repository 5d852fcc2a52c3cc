/**
 * A user signed in to the backend under test, as the browser is: a Backstage user token from
 * the guest provider (`GET /api/auth/guest/refresh`, what the sign-in page calls), sent as
 * `Authorization: Bearer` on every request.
 */
export interface SignedInUser {
  /** The user entity ref the token names, e.g. `user:default/guest`. */
  userEntityRef: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export async function signInAsGuest(baseUrl: string): Promise<SignedInUser> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(
      `guest sign-in failed: HTTP ${res.status} ${await res.text()}`,
    );
  }
  const body: {
    backstageIdentity?: {
      token?: string;
      identity?: { userEntityRef?: string };
    };
  } = await res.json();
  const token = body.backstageIdentity?.token;
  const userEntityRef = body.backstageIdentity?.identity?.userEntityRef;
  if (!token || !userEntityRef) {
    throw new Error('guest sign-in answered without a Backstage user token');
  }
  return {
    userEntityRef,
    fetch: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
          Authorization: `Bearer ${token}`,
        },
      }),
  };
}

/** Throws with the answer's body unless the status is one of `expected`. */
export async function expectStatus(
  res: Response,
  expected: number[],
  what: string,
): Promise<Response> {
  if (!expected.includes(res.status)) {
    throw new Error(
      `${what}: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`,
    );
  }
  return res;
}
