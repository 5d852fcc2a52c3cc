import { ServerSentEventParser } from './ServerSentEventParser';

describe('ServerSentEventParser', () => {
  it('parses named events, ignores comments, and joins multi-line data', () => {
    const parser = new ServerSentEventParser();
    expect(
      parser.push(
        ': keepalive\n\nevent: view\ndata: {"a":1}\n\ndata: x\ndata: y\n\n',
      ),
    ).toEqual([
      { event: 'view', data: '{"a":1}', id: undefined },
      { event: 'message', data: 'x\ny', id: undefined },
    ]);
  });

  it('handles events split across chunks at any point, including inside \\r\\n', () => {
    const text =
      'event: view\r\ndata: {"entityRef":"component:default/checkout"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new ServerSentEventParser();
      const events = [
        ...parser.push(text.slice(0, cut)),
        ...parser.push(text.slice(cut)),
      ];
      expect(events).toEqual([
        {
          event: 'view',
          data: '{"entityRef":"component:default/checkout"}',
          id: undefined,
        },
      ]);
    }
  });

  it('emits nothing for an event that has not ended yet', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('event: view\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toHaveLength(1);
  });
});
