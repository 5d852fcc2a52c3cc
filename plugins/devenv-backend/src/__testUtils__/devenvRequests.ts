import type { Server } from 'node:http';
import request from 'supertest';

/**
 * Requests to the devenv REST API of a test backend, each with the given `Authorization`
 * header; `ref` is `<cluster>/<name>`.
 */
export function devenvRequests(server: Server) {
  const environments = '/api/devenv/environments';
  return {
    create: (authorization: string, query = '') =>
      request(server)
        .post(`${environments}${query}`)
        .set('Authorization', authorization),
    list: (authorization: string, query = '') =>
      request(server)
        .get(`${environments}${query}`)
        .set('Authorization', authorization),
    get: (authorization: string, ref: string) =>
      request(server)
        .get(`${environments}/${ref}`)
        .set('Authorization', authorization),
    change: (authorization: string, ref: string) =>
      request(server)
        .patch(`${environments}/${ref}`)
        .set('Authorization', authorization),
    remove: (authorization: string, ref: string) =>
      request(server)
        .delete(`${environments}/${ref}`)
        .set('Authorization', authorization),
    kubeconfig: (authorization: string, ref: string, query = '') =>
      request(server)
        .post(`${environments}/${ref}/kubeconfig${query}`)
        .set('Authorization', authorization),
  };
}
