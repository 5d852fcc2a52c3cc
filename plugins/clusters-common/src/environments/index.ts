export * from './duration';
export * from './labels';
export * from './names';
export * from './spec';
export * from './status';
export * from './types';
