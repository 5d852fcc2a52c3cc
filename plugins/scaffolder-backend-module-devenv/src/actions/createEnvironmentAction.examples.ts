import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'A namespace environment for the person running the template',
    example: stringify({
      steps: [
        {
          id: 'environment',
          action: 'kubeplatform:devenv:create',
          name: 'Create development environment',
          input: {
            name: '${{ parameters.name }}',
            cluster: '${{ parameters.cluster }}',
            class: 'namespace',
            size: 'small',
            ttl: '8h',
          },
        },
      ],
    }),
  },
  {
    description:
      'An Environment claim owned by a team, with infrastructure and a sleep schedule',
    example: stringify({
      steps: [
        {
          id: 'environment',
          action: 'kubeplatform:devenv:create',
          name: 'Claim a platform environment',
          input: {
            name: 'team-a-env',
            owner: 'group:default/team-a',
            cluster: 'dev-eu',
            class: 'environment-claim',
            ttl: '3d',
            parameters: { installInfra: true },
            sleepSchedule: {
              sleepAt: '19:00',
              wakeAt: '08:00',
              timezone: 'Europe/Berlin',
            },
          },
        },
      ],
    }),
  },
];
