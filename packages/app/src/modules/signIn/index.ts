export { signInModule } from './signInModule';
export { localOidcAuthApiRef } from './localOidcAuthApi';
