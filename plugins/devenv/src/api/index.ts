export { devenvApiRef } from './DevenvApi';
export type { DevenvApi, EnvironmentList } from './DevenvApi';
export { DevenvClient } from './DevenvClient';
export type { DevenvClientOptions } from './DevenvClient';
