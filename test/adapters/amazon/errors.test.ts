import { spApiErrorFromResponse, spApiErrorFromThrown } from '../../../src/adapters/amazon/errors';

describe('SP-API error mapping', () => {
  it('keeps the HTTP status and Amazon code, and says what it means for the merchant', () => {
    const error = spApiErrorFromResponse(
      'getListingsItem',
      404,
      JSON.stringify({ errors: [{ code: 'NotFound', message: 'SKU not found', details: 'sku=A-1' }] }),
    );
    expect(error).toMatchObject({ httpStatus: 404, upstreamCode: 'NotFound', retryable: false, details: 'sku=A-1' });
    expect(error.message).toMatch(/no such resource.*SKU not found/);
  });

  it('marks 429, 5xx and unreadable answers retryable', () => {
    expect(
      spApiErrorFromResponse('x', 429, '{"errors":[{"code":"QuotaExceeded","message":"slow down"}]}').retryable,
    ).toBe(true);
    expect(spApiErrorFromResponse('x', 503, 'Service Unavailable')).toMatchObject({
      retryable: true,
      upstreamCode: 'HTTP_503',
    });
    expect(spApiErrorFromResponse('x', 400, '{"errors":[{"code":"InvalidInput","message":"bad"}]}').retryable).toBe(
      false,
    );
  });

  it('maps LWA errors thrown by the client to re-authorisation advice', () => {
    const error = spApiErrorFromThrown('getMarketplaceParticipations', { code: 'invalid_grant', message: 'expired' });
    expect(error).toMatchObject({ httpStatus: 400, upstreamCode: 'invalid_grant', retryable: false });
    expect(error.message).toMatch(/Re-authorise/);
  });

  it('maps socket failures to a retryable network error with no status', () => {
    expect(
      spApiErrorFromThrown('getOrder', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
    ).toMatchObject({
      httpStatus: 0,
      retryable: true,
      upstreamCode: 'ECONNRESET',
    });
  });
});
