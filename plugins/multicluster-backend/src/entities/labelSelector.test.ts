import {
  matchesLabels,
  parseLabelSelector,
  singleEquality,
} from './labelSelector';

describe('label selectors', () => {
  const labels = {
    app: 'checkout',
    tier: 'web',
    'backstage.io/kubernetes-id': 'checkout',
  };

  it.each([
    ['app=checkout', true],
    ['app==checkout', true],
    ['app!=checkout', false],
    ['app in (checkout, payments)', true],
    ['app notin (checkout)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=checkout,tier=db', false],
    ['backstage.io/kubernetes-id=checkout,tier in (web)', true],
    ['missing notin (x)', true],
  ])('%s matches: %s', (text, expected) => {
    expect(matchesLabels(parseLabelSelector(text), labels)).toBe(expected);
  });

  it.each([
    'app in (a',
    'app=)',
    'a=b,,c=d',
    '',
    'Bad Key=x',
    'app=value with space',
    `a=${'x'.repeat(64)}`,
    'x'.repeat(1025),
  ])('rejects %j with a clear message', text => {
    expect(() => parseLabelSelector(text)).toThrow(
      /label selector|label key|label value/,
    );
  });

  it('recognises a single equality so an index can answer it', () => {
    expect(
      singleEquality(parseLabelSelector('backstage.io/kubernetes-id=checkout')),
    ).toEqual({
      key: 'backstage.io/kubernetes-id',
      value: 'checkout',
    });
    expect(singleEquality(parseLabelSelector('a=b,c=d'))).toBeUndefined();
    expect(singleEquality(parseLabelSelector('a!=b'))).toBeUndefined();
  });
});
