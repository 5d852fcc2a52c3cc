/**
 * One server-sent event, as the EventSource specification frames it.
 *
 * @public
 */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Incremental parser for `text/event-stream` (the multicluster live view's stream). Feed it text
 * as it arrives; it returns the events completed by that text. Comments (`: keepalive`) produce
 * no event.
 *
 * @public
 */
export class ServerSentEventParser {
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];
  private id: string | undefined;

  push(text: string): ServerSentEvent[] {
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    let newline = this.nextLineEnd();
    while (newline) {
      const line = this.buffer.slice(0, newline.index);
      this.buffer = this.buffer.slice(newline.index + newline.length);
      const event = this.acceptLine(line);
      if (event) events.push(event);
      newline = this.nextLineEnd();
    }
    return events;
  }

  private nextLineEnd(): { index: number; length: number } | undefined {
    const match = /\r\n|\r|\n/.exec(this.buffer);
    if (!match) return undefined;
    // A lone \r at the end may be the first half of \r\n: wait for more text.
    if (match[0] === '\r' && match.index === this.buffer.length - 1) {
      return undefined;
    }
    return { index: match.index, length: match[0].length };
  }

  private acceptLine(line: string): ServerSentEvent | undefined {
    if (line === '') {
      return this.dispatch();
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'id') this.id = value;
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const hasData = this.dataLines.length > 0;
    const event: ServerSentEvent = {
      event: this.eventName || 'message',
      data: this.dataLines.join('\n'),
      id: this.id,
    };
    this.eventName = '';
    this.dataLines = [];
    return hasData ? event : undefined;
  }
}
