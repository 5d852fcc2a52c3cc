import express from 'express';
import request from 'supertest';
import { startUnbufferedStream } from './startUnbufferedStream';

describe('startUnbufferedStream', () => {
  it('sends 200 with no-cache, no proxy buffering and the stream’s own headers', async () => {
    const app = express().get('/', (_req, res) => {
      startUnbufferedStream(res, {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end('first line\n');
    });
    const res = await request(app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
    expect(res.text).toBe('first line\n');
  });
});
