/**
 * `devenv.read`: listing development environments, with their owners and parameters. The
 * devenv backend registers it; the access policy checks it. (The other devenv permissions live
 * in clusters-common; this one can join them there.)
 *
 * @public
 */
export const devenvReadPermission = {
  type: 'basic' as const,
  name: 'devenv.read',
  attributes: { action: 'read' as const },
};
