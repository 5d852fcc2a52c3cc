import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Delete an environment the person running the template owns',
    example: stringify({
      steps: [
        {
          id: 'delete-environment',
          action: 'kubeplatform:devenv:delete',
          name: 'Delete development environment',
          input: { cluster: 'dev-eu', name: '${{ parameters.name }}' },
        },
      ],
    }),
  },
];
