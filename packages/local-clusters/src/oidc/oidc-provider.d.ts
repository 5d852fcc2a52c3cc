/**
 * The part of oidc-provider (v9, which ships no types) that the local issuer uses.
 * See https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
declare module 'oidc-provider' {
  import { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientLike {
    clientId: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface GrantLike {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantClass {
    new (init: { clientId: string; accountId: string }): GrantLike;
    find(id: string): Promise<GrantLike | undefined>;
  }

  export interface KoaContextWithOIDC {
    type: string;
    body: unknown;
    oidc: {
      client?: ClientLike;
      session?: {
        accountId?: string;
        grantIdFor(clientId: string): string | undefined;
      };
      result?: { consent?: { grantId?: string } };
      provider: Provider;
    };
  }

  export interface Account {
    accountId: string;
    claims(
      use: string,
      scope: string,
    ): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface Configuration {
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    findAccount?: (
      ctx: KoaContextWithOIDC,
      sub: string,
    ) => Promise<Account | undefined>;
    features?: Record<string, { enabled: boolean }>;
    interactions?: {
      url(ctx: KoaContextWithOIDC, interaction: { uid: string }): string;
    };
    loadExistingGrant?: (
      ctx: KoaContextWithOIDC,
    ) => Promise<GrantLike | undefined>;
    issueRefreshToken?: (
      ctx: KoaContextWithOIDC,
      client: ClientLike,
    ) => Promise<boolean>;
    ttl?: Record<string, number>;
    renderError?: (
      ctx: KoaContextWithOIDC,
      out: { error: string; error_description?: string },
      error: Error,
    ) => Promise<void>;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string };
    params: Record<string, unknown>;
    session?: { accountId: string };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: GrantClass;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(
      req: IncomingMessage,
      res: ServerResponse,
    ): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(
      event: 'server_error',
      listener: (ctx: KoaContextWithOIDC, error: Error) => void,
    ): void;
  }
}
