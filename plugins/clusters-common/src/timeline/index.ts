export * from './types';
export * from './groupRollouts';
