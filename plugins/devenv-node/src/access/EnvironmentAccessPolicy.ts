import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  devenvCreatePermission,
  devenvDeletePermission,
  devenvUpdatePermission,
  Environment,
  environmentEntityName,
} from '@kubeplatform/clusters-common';
import type { DevenvSettings } from '../config/settingsSchema';
import { devenvReadPermission } from './devenvReadPermission';
import {
  isDevenvAdmin,
  mayManageEnvironment,
  mayRequestFor,
} from './ownership';

/**
 * Something a caller may try on an existing environment.
 *
 * @public
 */
export type EnvironmentAction =
  | 'extend'
  | 'sleep'
  | 'wake'
  | 'delete'
  | 'connect'
  | 'apply';

/**
 * What the policy needs to know about an environment.
 *
 * @public
 */
export type EnvironmentSubject = Pick<
  Environment,
  'ref' | 'owner' | 'cluster' | 'name'
>;

const permissionOf = {
  extend: devenvUpdatePermission,
  sleep: devenvUpdatePermission,
  wake: devenvUpdatePermission,
  connect: devenvUpdatePermission,
  apply: devenvUpdatePermission,
  delete: devenvDeletePermission,
} as const;

/** How each action reads in a refusal: "You may not <verb> environment dev-eu/x". */
const verbOf: Record<EnvironmentAction, string> = {
  extend: 'extend',
  sleep: 'sleep',
  wake: 'wake',
  connect: 'connect to',
  apply: 'apply manifests to',
  delete: 'delete',
};

/** @public */
export interface EnvironmentAccessPolicyOptions {
  auth: AuthService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  /** Entity refs (users or groups) that manage every environment. */
  admins: string[];
  /**
   * Besides the permission policy, only owners (and their groups' members) and admins may
   * change an environment. On by default, so an allow-all permission policy is still safe.
   */
  enforceOwnership: boolean;
  /**
   * Who sees an environment in the list: `all` (anyone with `devenv.read`) or `owned` (its
   * owners, their groups' members, admins and backend services). Default `all`.
   */
  listVisibility?: 'all' | 'owned';
}

/**
 * Which environments a caller may list: everyone's, or those owned through `owners`.
 *
 * @public
 */
export type EnvironmentListScope =
  | { all: true }
  | { all: false; owners: string[] };

/**
 * Who may do what with development environments: the one policy behind the REST API, every
 * scaffolder action, the catalog provider and the search collator.
 *
 * - Changing an environment needs the permission (`devenv.update` or `devenv.delete`, on the
 *   environment) and, while `enforceOwnership` is on, ownership: the caller is the owner, a
 *   member of the owning group, or an admin.
 * - Requesting one needs `devenv.create`, and may only name the caller or one of their groups
 *   as owner (admins may name anyone), whatever `enforceOwnership` says.
 * - Seeing one is reading its catalog Resource (`catalog.entity.read`), so the catalog and
 *   search show an environment to exactly the same people.
 *
 * @public
 */
export class EnvironmentAccessPolicy {
  static fromSettings(
    settings: Pick<DevenvSettings, 'admins' | 'enforceOwnership'> &
      Partial<Pick<DevenvSettings, 'list'>>,
    services: Pick<
      EnvironmentAccessPolicyOptions,
      'auth' | 'permissions' | 'userInfo'
    >,
  ): EnvironmentAccessPolicy {
    return new EnvironmentAccessPolicy({
      ...services,
      admins: settings.admins,
      enforceOwnership: settings.enforceOwnership,
      listVisibility: settings.list?.visibility,
    });
  }

  constructor(private readonly options: EnvironmentAccessPolicyOptions) {}

  /** Throws NotAllowedError unless the caller may take `action` on `environment`. */
  async authorize(
    credentials: BackstageCredentials,
    action: EnvironmentAction,
    environment: EnvironmentSubject,
  ): Promise<void> {
    const refusal = `You may not ${verbOf[action]} environment ${environment.ref}`;
    const [decision] = await this.options.permissions.authorize(
      [{ permission: permissionOf[action], resourceRef: environment.ref }],
      { credentials },
    );
    if (!isAllowed(decision)) {
      throw new NotAllowedError(refusal);
    }
    if (
      this.options.enforceOwnership &&
      !mayManageEnvironment(
        environment,
        await this.ownershipRefs(credentials),
        this.options.admins,
      )
    ) {
      throw new NotAllowedError(
        `${refusal}: it is owned by ${environment.owner}`,
      );
    }
  }

  /** Throws NotAllowedError unless the caller may request development environments at all. */
  async authorizeCreate(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: devenvCreatePermission }],
      { credentials },
    );
    if (!isAllowed(decision)) {
      throw new NotAllowedError('You may not create development environments');
    }
  }

  /** Throws NotAllowedError unless the caller may request an environment owned by `owner`. */
  async authorizeOwner(
    credentials: BackstageCredentials,
    owner: string,
  ): Promise<void> {
    const refs = await this.ownershipRefs(credentials);
    if (!mayRequestFor(owner, refs, this.options.admins)) {
      throw new NotAllowedError(
        `You may only request environments for yourself or your groups, not for ${owner}`,
      );
    }
  }

  /**
   * Which environments the caller may list. NotAllowedError without `devenv.read`; with
   * visibility `owned`, a user who is no admin sees only what they own (directly or through a
   * group), while backend services (the catalog provider) see everything.
   */
  async listScope(
    credentials: BackstageCredentials,
  ): Promise<EnvironmentListScope> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: devenvReadPermission }],
      { credentials },
    );
    if (!isAllowed(decision)) {
      throw new NotAllowedError('You may not list development environments');
    }
    if (
      this.options.listVisibility !== 'owned' ||
      !this.options.auth.isPrincipal(credentials, 'user')
    ) {
      return { all: true };
    }
    const refs = await this.ownershipRefs(credentials);
    if (isDevenvAdmin(refs, this.options.admins)) {
      return { all: true };
    }
    return { all: false, owners: refs };
  }

  /** Whether the caller manages every environment (for example, sees everyone's audit trail). */
  async isAdmin(credentials: BackstageCredentials): Promise<boolean> {
    return isDevenvAdmin(
      await this.ownershipRefs(credentials),
      this.options.admins,
    );
  }

  /**
   * The catalog Resource an environment is seen through. Whoever may read it
   * (`catalog.entity.read`) sees the environment in the catalog and in search.
   */
  catalogEntityRef(
    environment: Pick<Environment, 'cluster' | 'name'>,
  ): CompoundEntityRef {
    return {
      kind: 'resource',
      namespace: 'default',
      name: environmentEntityName(environment.cluster, environment.name),
    };
  }

  /** The refs a caller owns through: their user ref and their groups; none for a service. */
  private async ownershipRefs(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (!this.options.auth.isPrincipal(credentials, 'user')) {
      return [];
    }
    const info = await this.options.userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs;
  }
}

/**
 * A definitive ALLOW. The result is compared with the wire value of `AuthorizeResult.ALLOW`
 * because this package does not depend on `@backstage/plugin-permission-common`.
 */
function isAllowed(decision: { result: string } | undefined): boolean {
  return decision?.result === 'ALLOW';
}
