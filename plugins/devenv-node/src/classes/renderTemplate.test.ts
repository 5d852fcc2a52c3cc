import { renderTemplate } from './renderTemplate';

describe('renderTemplate', () => {
  it('keeps the type of whole placeholders and interpolates the rest', () => {
    expect(
      renderTemplate(
        { a: '{{ parameters.on }}', b: 'ns-{{ name }}', c: ['{{ n }}'] },
        { name: 'x', n: 3, parameters: { on: false } },
      ),
    ).toEqual({ a: false, b: 'ns-x', c: [3] });
  });

  it('refuses unknown placeholders instead of rendering an empty string', () => {
    expect(() => renderTemplate({ a: '{{ nope }}' }, {})).toThrow(
      'template placeholder "{{ nope }}" has no value',
    );
  });
});
