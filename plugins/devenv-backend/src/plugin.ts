import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  devenvCreatePermission,
  devenvDeletePermission,
  devenvUpdatePermission,
} from '@kubeplatform/clusters-common';
import {
  devenvReadPermission,
  environmentAccessPolicyServiceRef,
  environmentProvisionerServiceRef,
} from '@kubeplatform/plugin-devenv-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuditTrail } from './audit/AuditTrail';
import { EnvironmentNotifier } from './notifications/EnvironmentNotifier';
import { readNotificationSettings } from './notifications/readNotificationSettings';
import { scheduleExpiryNotifier } from './notifications/scheduleExpiryNotifier';
import { SentNotifications } from './notifications/SentNotifications';
import {
  environmentPermissionRules,
  environmentResourceRef,
} from './permissions/environmentPermissionRules';
import { scheduleReaper } from './reaper/scheduleReaper';
import { createRouter } from './router/createRouter';

/**
 * The devenv platform API (`/api/devenv`), the expiry reaper and the audit trail.
 *
 * @public
 */
export const devenvPlugin = createBackendPlugin({
  pluginId: 'devenv',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        provisioner: environmentProvisionerServiceRef,
        access: environmentAccessPolicyServiceRef,
        notifications: notificationService,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        logger,
        httpRouter,
        httpAuth,
        userInfo,
        permissionsRegistry,
        database,
        scheduler,
        auditor,
        auth,
        discovery,
        config,
        provisioner,
        access,
        notifications,
        lifecycle,
      }) {
        permissionsRegistry.addPermissions([
          devenvCreatePermission,
          devenvReadPermission,
        ]);
        permissionsRegistry.addResourceType({
          resourceRef: environmentResourceRef,
          permissions: [devenvUpdatePermission, devenvDeletePermission],
          rules: Object.values(environmentPermissionRules),
          getResources: refs =>
            Promise.all(
              refs.map(ref => {
                const [cluster, name] = ref.split('/');
                return provisioner.get(cluster, name).catch(() => undefined);
              }),
            ),
        });

        const audit = await AuditTrail.create(database, logger);
        lifecycle.addShutdownHook(() => audit.stop());
        httpRouter.use(
          await createRouter({
            provisioner,
            httpAuth,
            userInfo,
            access,
            audit,
            auditor,
            logger,
            auth,
            cli: {
              appBaseUrl: config.getOptionalString('app.baseUrl'),
              apiUrl: await discovery.getExternalBaseUrl('devenv'),
            },
          }),
        );
        // The credential plugin: its sign-in redirect needs no token, and its limited token
        // is accepted on these two paths only (the handlers accept it as a bearer token only).
        httpRouter.addAuthPolicy({
          path: '/cli/login',
          allow: 'unauthenticated',
        });
        for (const path of ['credential', 'kubeconfig']) {
          httpRouter.addAuthPolicy({
            path: `/environments/:cluster/:name/${path}`,
            allow: 'user-cookie',
          });
        }
        const notificationSettings = readNotificationSettings(config);
        const notifier = notificationSettings.enabled
          ? new EnvironmentNotifier({
              provisioner,
              notifications,
              sent: await SentNotifications.create(database),
              settings: notificationSettings,
              logger,
            })
          : undefined;
        if (provisioner.settings.reaper.enabled) {
          await scheduleReaper({
            scheduler,
            provisioner,
            audit,
            logger,
            notifier,
          });
        }
        if (notifier) {
          await scheduleExpiryNotifier({
            scheduler,
            notifier,
            intervalMs: notificationSettings.intervalMs,
            logger,
          });
        }
      },
    });
  },
});
