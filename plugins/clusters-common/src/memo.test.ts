import { memoByString } from './memo';

describe('memoByString', () => {
  it('computes each string once, undefined results included', () => {
    const calls: string[] = [];
    const parse = memoByString(text => {
      calls.push(text);
      return text === 'bad' ? undefined : text.length;
    }, 10);
    expect([parse('100m'), parse('100m'), parse('bad'), parse('bad')]).toEqual([
      4,
      4,
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['100m', 'bad']);
  });

  it('forgets everything once full, and stays right', () => {
    const calls: string[] = [];
    const parse = memoByString(text => {
      calls.push(text);
      return text.toUpperCase();
    }, 2);
    parse('a');
    parse('b');
    expect(parse('c')).toBe('C'); // full: starts over with c
    expect(parse('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
