/** Test harness: a started Amazon emulator plus REAL amazon-sp-api clients pointed at it through an https.Agent. */
import https from 'node:https';
import net from 'node:net';
import { SellingPartner } from 'amazon-sp-api';
import {
  type AmazonEmulator,
  type AmazonSeed,
  DEMO_LWA_CLIENT,
  EmulatorClock,
  startAmazonEmulator,
} from '../../../src/emulators/amazon';

export class EmulatorAgent extends https.Agent {
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }
  override createConnection(): net.Socket {
    return net.connect(this.port, '127.0.0.1');
  }
}

export const SELLER = 'A1DEMOSELLER0001';
export const US = 'ATVPDKIKX0DER';
export const DE = 'A1PA6795UKMFR9';

export const SEED: AmazonSeed = {
  sellers: [
    {
      sellerId: SELLER,
      refreshToken: 'Atzr|demo-refresh-token-1',
      storeName: 'Demo Store',
      marketplaceIds: [US, 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', DE],
      vacationMarketplaceIds: ['A2EUQ1WTGCTBG2'],
    },
  ],
  catalog: [
    {
      asin: 'B000000001',
      marketplaceId: US,
      title: 'Blue Mug 300ml',
      brand: 'Acme',
      productType: 'DRINKING_CUP',
      identifiers: [{ type: 'EAN', value: '4006381333931' }],
    },
    {
      asin: 'B000000002',
      marketplaceId: US,
      title: 'Blue Mug 300ml (2-pack)',
      brand: 'Acme',
      productType: 'DRINKING_CUP',
      identifiers: [
        { type: 'EAN', value: '4006381333931' },
        { type: 'UPC', value: '012345678905' },
      ],
    },
    {
      asin: 'B000000003',
      marketplaceId: DE,
      title: 'Kaffeebecher Größe M – Café',
      brand: 'Acme',
      productType: 'DRINKING_CUP',
      identifiers: [{ type: 'EAN', value: '4006381333948' }],
    },
  ],
  listings: [
    {
      sellerId: SELLER,
      marketplaceId: US,
      sku: 'MUG-1',
      asin: 'B000000001',
      productType: 'DRINKING_CUP',
      title: 'Blue Mug 300ml',
      price: '12.99',
      currency: 'USD',
      quantity: 5,
      fulfillmentChannel: 'DEFAULT',
      condition: 'new_new',
      status: ['BUYABLE', 'DISCOVERABLE'],
    },
    {
      sellerId: SELLER,
      marketplaceId: US,
      sku: 'MUG-FBA',
      asin: 'B000000002',
      productType: 'DRINKING_CUP',
      price: '21.50',
      currency: 'USD',
      quantity: 40,
      fulfillmentChannel: 'AMAZON_NA',
      condition: 'new_new',
      status: ['BUYABLE', 'DISCOVERABLE'],
    },
    {
      sellerId: SELLER,
      marketplaceId: DE,
      sku: 'BECHER-M',
      asin: 'B000000003',
      productType: 'DRINKING_CUP',
      title: 'Kaffeebecher Größe M – Café',
      price: '9.90',
      currency: 'EUR',
      quantity: 3,
      fulfillmentChannel: 'DEFAULT',
      condition: 'new_new',
      status: ['BUYABLE', 'DISCOVERABLE'],
    },
  ],
  competitorOffers: [
    {
      asin: 'B000000001',
      marketplaceId: US,
      sellerId: 'ACOMPETITOR01',
      condition: 'New',
      price: '12.49',
      shipping: '0.00',
      currency: 'USD',
      fulfilledByAmazon: true,
      feedbackPercent: 97,
      feedbackCount: 5000,
    },
    {
      asin: 'B000000001',
      marketplaceId: US,
      sellerId: 'ACOMPETITOR02',
      condition: 'New',
      price: '11.00',
      shipping: '3.99',
      currency: 'USD',
      fulfilledByAmazon: false,
      feedbackPercent: 85,
      feedbackCount: 20,
    },
    {
      asin: 'B000000001',
      marketplaceId: US,
      sellerId: 'ACOMPETITOR03',
      condition: 'Used',
      price: '7.00',
      shipping: '3.99',
      currency: 'USD',
      fulfilledByAmazon: false,
      feedbackPercent: 99,
      feedbackCount: 800,
    },
  ],
};

/** The client's typings are partial (listings, pricing 2022, notifications are untyped); tests read the JSON shapes. */
// biome-ignore lint/suspicious/noExplicitAny: responses are asserted field by field against the models
type Json = any;
export interface SpClient {
  callAPI(params: Record<string, unknown>): Promise<Json>;
  upload(doc: Json, feed: { content: string; contentType: string }): Promise<Json>;
  download(doc: Json, opts?: Record<string, unknown>): Promise<Json>;
  exchange(code: string): Promise<Json>;
}

export interface Harness {
  emu: AmazonEmulator;
  clock: EmulatorClock;
  sp(region?: 'na' | 'eu', extra?: Record<string, unknown>): SpClient;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  raw(
    method: string,
    host: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; json: Json }>;
  token(): Promise<string>;
}

export async function startHarness(opts: { speedUp?: number; seed?: AmazonSeed } = {}): Promise<Harness> {
  const clock = new EmulatorClock({ start: '2026-03-02T10:00:00Z', speedUp: opts.speedUp ?? 0 });
  const emu = await startAmazonEmulator({ port: 0, clock, seed: opts.seed ?? SEED, strictResponses: true });
  const raw: Harness['raw'] = (method, host, path, o = {}) =>
    new Promise((resolve, reject) => {
      const text = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      const r = require('node:http').request(
        {
          host: '127.0.0.1',
          port: emu.port,
          method,
          path,
          headers: {
            host,
            'content-type': 'application/json',
            ...(o.token ? { 'x-amz-access-token': o.token } : {}),
            ...o.headers,
          },
        },
        (res: import('node:http').IncomingMessage) => {
          let t = '';
          res.on('data', (c) => (t += c));
          res.on('end', () => {
            let json: unknown;
            try {
              json = JSON.parse(t);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: t, json });
          });
        },
      );
      r.on('error', reject);
      r.end(text);
    });
  return {
    emu,
    clock,
    sp: (region = 'na', extra = {}) =>
      new SellingPartner({
        region,
        refresh_token: 'Atzr|demo-refresh-token-1',
        credentials: {
          SELLING_PARTNER_APP_CLIENT_ID: DEMO_LWA_CLIENT.clientId,
          SELLING_PARTNER_APP_CLIENT_SECRET: DEMO_LWA_CLIENT.clientSecret,
        },
        options: {
          auto_request_throttled: false,
          retry_remote_timeout: false,
          https_proxy_agent: new EmulatorAgent(emu.port),
          ...extra,
        },
      } as never) as unknown as SpClient,
    control: async (method, path, body) => {
      const r = await raw(method, '127.0.0.1', `/__control${path}`, { body });
      return { status: r.status, body: r.json };
    },
    raw,
    token: async () => {
      const r = await raw('POST', 'api.amazon.com', '/auth/o2/token', {
        body: {
          grant_type: 'refresh_token',
          refresh_token: 'Atzr|demo-refresh-token-1',
          client_id: DEMO_LWA_CLIENT.clientId,
          client_secret: DEMO_LWA_CLIENT.clientSecret,
        },
      });
      return r.json.access_token as string;
    },
  };
}
