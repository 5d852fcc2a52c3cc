import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Apply the manifests a fetch:template step rendered into ./k8s to an environment the person running the template owns',
    example: stringify({
      steps: [
        {
          id: 'apply-manifests',
          action: 'kubeplatform:devenv:apply',
          name: 'Deploy to the development environment',
          input: {
            cluster: 'dev-eu',
            name: '${{ parameters.environment }}',
            manifests: './k8s',
          },
        },
      ],
    }),
  },
];
