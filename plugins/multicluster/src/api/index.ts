export * from './MulticlusterApi';
export { MulticlusterClient, RequestTimeoutError } from './MulticlusterClient';
export type { MulticlusterClientOptions } from './MulticlusterClient';
export { MalformedResponseError } from './validate';
export * from './MulticlusterActionsApi';
export { MulticlusterActionsClient } from './MulticlusterActionsClient';
export * from './MulticlusterTimelineApi';
export { MulticlusterTimelineClient } from './MulticlusterTimelineClient';
