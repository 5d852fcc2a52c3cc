/** A JSON answer of a replica: status and parsed body (the text when it is not JSON). */
export interface Answer {
  status: number;
  body: any;
}

/**
 * Talks to one replica as a signed-in user (a token from the guest provider, signed by whichever
 * replica issued it) or as the static external-access service principal.
 */
export class ReplicaApi {
  constructor(readonly baseUrl: string, private readonly token: string) {}

  /** Signs in through the guest provider of the replica at `baseUrl`. */
  static async signIn(baseUrl: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.json();
    const token = body?.backstageIdentity?.token;
    if (typeof token !== 'string') {
      throw new Error(
        `guest sign-in at ${baseUrl} answered ${
          response.status
        }: ${JSON.stringify(body)}`,
      );
    }
    return token;
  }

  async request(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }

  get(path: string) {
    return this.request('GET', path);
  }
}
