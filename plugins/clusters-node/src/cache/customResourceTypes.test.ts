import { ConfigReader, type JsonObject } from '@backstage/config';
import {
  customResourceDefinitions,
  readCustomResourceTypes,
} from './customResourceTypes';
import { collectionPath } from './resources';

const read = (entries: JsonObject[]) =>
  readCustomResourceTypes(
    new ConfigReader({ list: entries }).getConfigArray('list'),
    'kubernetes.customResources',
  );

describe('readCustomResourceTypes', () => {
  it('reads group, apiVersion and plural', () => {
    expect(
      read([
        { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
        { group: 'cert-manager.io', apiVersion: 'v1', plural: 'certificates' },
      ]),
    ).toEqual([
      { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
      { group: 'cert-manager.io', apiVersion: 'v1', plural: 'certificates' },
    ]);
    expect(readCustomResourceTypes(undefined, 'k')).toBeUndefined();
  });

  it('names the key of a missing or invalid field, and of a duplicate', () => {
    expect(() =>
      read([{ group: 'argoproj.io', apiVersion: 'v1alpha1' }]),
    ).toThrow("Missing required config value at 'list[0].plural'");
    expect(() =>
      read([
        { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'Roll/outs' },
      ]),
    ).toThrow(
      "kubernetes.customResources[0].plural: 'Roll/outs' is not a valid plural",
    );
    expect(() =>
      read([{ group: '../etc', apiVersion: 'v1', plural: 'things' }]),
    ).toThrow(
      "kubernetes.customResources[0].group: '../etc' is not an API group name",
    );
    expect(() =>
      read([
        { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
        { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
      ]),
    ).toThrow(
      'kubernetes.customResources[1]: rollouts.argoproj.io/v1alpha1 is listed twice',
    );
  });
});

describe('customResourceDefinitions', () => {
  it('watches each type at its group, version and plural', () => {
    const [def] = customResourceDefinitions([
      { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
    ]);
    expect(def.resource).toBe('customresources');
    expect(collectionPath(def)).toBe('/apis/argoproj.io/v1alpha1/rollouts');
    expect(collectionPath(def, 'shop')).toBe(
      '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts',
    );
  });
});
