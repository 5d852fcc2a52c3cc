import type { TrimmedContainer } from '@kubeplatform/clusters-common';
import { ContainerImage } from '@kubeplatform/clusters-common';

/** The tag or digest of an image reference; `latest` when it has neither. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : 'latest';
}

export function containerImages(
  containers: TrimmedContainer[] | undefined,
): ContainerImage[] {
  return (containers ?? []).map(c => ({
    container: c.name,
    image: c.image ?? '',
    tag: imageTag(c.image ?? ''),
  }));
}
