import { ResponseError } from '@backstage/errors';

/** A ResponseError exactly as MulticlusterClient builds it from a failed fetch. */
export async function responseError(
  status: number,
  message: string,
  url = 'http://localhost:7007/api/multicluster/entities/component/default/checkout/stream',
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name: status === 404 ? 'NotFoundError' : 'Error', message },
    request: { method: 'GET', url },
    response: { statusCode: status },
  });
  const response = new Response(body, {
    status,
    statusText: status === 500 ? 'Internal Server Error' : 'Error',
    headers: { 'Content-Type': 'application/json' },
  });
  Object.defineProperty(response, 'url', { value: url });
  return ResponseError.fromResponse(response as any);
}
