export {
  ServerSentEventParser,
  type ServerSentEvent,
} from './ServerSentEventParser';
