/**
 * The Amazon emulator's in-memory world: sellers, catalogue, listings, market offers, orders, feeds,
 * reports, documents, notification destinations/subscriptions/queues and LWA tokens.
 * Plain data (JSON-serialisable) so it can be persisted and inspected through the control API.
 */
import { randomBytes } from 'node:crypto';
import { type Marketplace, marketplaceById } from '../../core/marketplaces';
import { mulberry32 } from '../shared/faults';

export interface SellerRecord {
  sellerId: string;
  refreshToken: string;
  storeName: string;
  marketplaceIds: string[];
  vacationMarketplaceIds: string[];
  feedbackPercent: number;
  feedbackCount: number;
}

export interface CatalogRecord {
  asin: string;
  marketplaceId: string;
  title: string;
  brand?: string;
  productType: string;
  identifiers: Array<{ type: string; value: string }>;
  classification: 'BASE_PRODUCT' | 'VARIATION_PARENT' | 'VARIATION_CHILD';
  parentAsin?: string;
}

/** A listing stores attributes exactly as the Listings Items API carries them; everything else is derived. */
export interface ListingRecord {
  sellerId: string;
  marketplaceId: string;
  sku: string;
  productType: string;
  asin?: string;
  attributes: Record<string, unknown[]>;
  createdDate: string;
  lastUpdatedDate: string;
  /** From a seed that listed the item as not BUYABLE (e.g. closed by the seller). */
  closed?: boolean;
}

export interface CompetitorOffer {
  offerId: string;
  asin: string;
  marketplaceId: string;
  sellerId: string;
  condition: 'New' | 'Used' | 'Collectible' | 'Refurbished';
  subCondition: string;
  price: string;
  shipping: string;
  currency: string;
  fulfilledByAmazon: boolean;
  feedbackPercent: number;
  feedbackCount: number;
  isPrime: boolean;
}

export type OrderStatus =
  | 'PENDING_AVAILABILITY'
  | 'PENDING'
  | 'UNSHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'CANCELLED'
  | 'UNFULFILLABLE';

export interface OrderItemRecord {
  orderItemId: string;
  sku: string;
  asin: string;
  title: string;
  quantity: number;
  quantityShipped: number;
  unitPrice: string;
  shippingPrice: string;
  itemTax: string;
  shippingTax: string;
  promotionDiscount: string;
  promotionIds: string[];
  conditionType: string;
  buyerCancelRequest?: { reason: string };
  cancellation?: { cancelledBy: 'BUYER' | 'MERCHANT' | 'AMAZON'; cancelReason: string };
}

export interface PackageRecord {
  packageReferenceId: string;
  carrier: string;
  shippingService?: string;
  trackingNumber: string;
  shipTime: string;
  createdTime: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export interface AdjustmentRecord {
  adjustedAt: string;
  orderItemId: string;
  reason: string;
  components: Array<{ type: string; amount: string }>;
  feedId: string;
}

export interface OrderRecord {
  orderId: string;
  sellerId: string;
  marketplaceId: string;
  currency: string;
  createdTime: string;
  lastUpdatedTime: string;
  status: OrderStatus;
  fulfilledBy: 'AMAZON' | 'MERCHANT';
  serviceLevel: string;
  isPrime: boolean;
  isBusiness: boolean;
  buyer: { name: string; email: string; companyName?: string };
  address: {
    name: string;
    addressLine1: string;
    addressLine2?: string;
    city: string;
    stateOrRegion?: string;
    postalCode: string;
    countryCode: string;
    phone?: string;
  };
  items: OrderItemRecord[];
  packages: PackageRecord[];
  adjustments: AdjustmentRecord[];
  /** Emulated epoch ms when the lifecycle moves on (Pending→Unshipped, AFN Unshipped→Shipped). */
  nextTransitionAt?: number;
  /** Orders created through the control API may ask to end canceled instead of shipped. */
  plannedOutcome?: 'SHIPPED' | 'CANCELLED';
  shipBy: { earliest: string; latest: string };
  deliverBy: { earliest: string; latest: string };
}

export type ProcessingStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';

export interface DocumentRecord {
  documentId: string;
  kind: 'feed-input' | 'feed-result' | 'report';
  contentType: string;
  /** base64 (keeps the state JSON-serialisable). */
  content?: string;
  compressed: boolean;
  createdAt: number;
  sellerId?: string;
  region: string;
}

export interface FeedRecord {
  feedId: string;
  sellerId: string;
  region: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  feedOptions?: Record<string, string>;
  createdTime: number;
  startAt: number;
  doneAt: number;
  status: ProcessingStatus;
  processingStartTime?: number;
  processingEndTime?: number;
  resultFeedDocumentId?: string;
}

export interface ReportRecord {
  reportId: string;
  sellerId: string;
  region: string;
  reportType: string;
  marketplaceIds: string[];
  createdTime: number;
  startAt: number;
  doneAt: number;
  status: ProcessingStatus;
  processingStartTime?: number;
  processingEndTime?: number;
  reportDocumentId?: string;
  dataStartTime?: string;
  dataEndTime?: string;
}

export interface DestinationRecord {
  destinationId: string;
  name: string;
  resource: { sqs?: { arn: string }; eventBridge?: { name: string; region: string; accountId: string } };
  clientId: string;
}

export interface SubscriptionRecord {
  subscriptionId: string;
  sellerId: string;
  clientId: string;
  notificationType: string;
  payloadVersion: string;
  destinationId: string;
  processingDirective?: {
    eventFilter?: { eventFilterType?: string; marketplaceIds?: string[]; orderChangeTypes?: string[] };
  };
}

export interface QueueMessage {
  messageId: string;
  body: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  receiptHandle?: string;
}

export interface TokenRecord {
  clientId: string;
  sellerId?: string;
  scope?: string;
  expiresAt: number;
}

export interface AuthCodeRecord {
  code: string;
  sellerId: string;
  clientId?: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface StreamRecord {
  sellerId: string;
  marketplaceId: string;
  ordersPerHour: number;
  skus: string[];
  /** Emulated epoch ms up to which orders were generated. */
  generatedUntil: number;
  /** Fractional orders carried over between ticks. */
  carry: number;
}

const toMap = <T>(entries: [string, T][] | undefined): Map<string, T> => new Map(entries ?? []);

export class AmazonState {
  sellers = new Map<string, SellerRecord>();
  /** key: asin|marketplaceId */
  catalog = new Map<string, CatalogRecord>();
  /** key: sellerId|marketplaceId|sku */
  listings = new Map<string, ListingRecord>();
  competitorOffers = new Map<string, CompetitorOffer>();
  orders = new Map<string, OrderRecord>();
  feeds = new Map<string, FeedRecord>();
  reports = new Map<string, ReportRecord>();
  documents = new Map<string, DocumentRecord>();
  destinations = new Map<string, DestinationRecord>();
  subscriptions = new Map<string, SubscriptionRecord>();
  /** key: SQS ARN (or EventBridge name) */
  queues = new Map<string, QueueMessage[]>();
  accessTokens = new Map<string, TokenRecord>();
  /** refresh token → seller (seeded tokens plus those issued by the authorization_code grant) */
  refreshTokens = new Map<string, { sellerId: string; clientId?: string }>();
  authCodes = new Map<string, AuthCodeRecord>();
  streams: StreamRecord[] = [];
  private counter = 0;
  random: () => number = mulberry32(20260101);

  marketplace(id: string): Marketplace | undefined {
    return marketplaceById(id);
  }

  nextId(prefix = ''): string {
    this.counter++;
    return `${prefix}${this.counter}`;
  }

  /** Digits for Amazon-looking numeric ids (feedId, reportId). */
  numericId(): string {
    return String(50000000000 + ++this.counter * 7919);
  }

  randomToken(bytes = 24): string {
    return randomBytes(bytes).toString('base64url');
  }

  listingKey(sellerId: string, marketplaceId: string, sku: string): string {
    return `${sellerId}|${marketplaceId}|${sku}`;
  }

  toJSON(): Record<string, unknown> {
    const entries = <T>(m: Map<string, T>) => [...m.entries()];
    return {
      counter: this.counter,
      sellers: entries(this.sellers),
      catalog: entries(this.catalog),
      listings: entries(this.listings),
      competitorOffers: entries(this.competitorOffers),
      orders: entries(this.orders),
      feeds: entries(this.feeds),
      reports: entries(this.reports),
      documents: entries(this.documents),
      destinations: entries(this.destinations),
      subscriptions: entries(this.subscriptions),
      queues: entries(this.queues),
      accessTokens: entries(this.accessTokens),
      refreshTokens: entries(this.refreshTokens),
      authCodes: entries(this.authCodes),
      streams: this.streams,
    };
  }

  static fromJSON(json: Record<string, unknown>): AmazonState {
    const s = new AmazonState();
    const j = json as Record<string, [string, never][]>;
    s.counter = Number(json.counter ?? 0);
    s.sellers = toMap(j.sellers);
    s.catalog = toMap(j.catalog);
    s.listings = toMap(j.listings);
    s.competitorOffers = toMap(j.competitorOffers);
    s.orders = toMap(j.orders);
    s.feeds = toMap(j.feeds);
    s.reports = toMap(j.reports);
    s.documents = toMap(j.documents);
    s.destinations = toMap(j.destinations);
    s.subscriptions = toMap(j.subscriptions);
    s.queues = toMap(j.queues);
    s.accessTokens = toMap(j.accessTokens);
    s.refreshTokens = toMap(j.refreshTokens);
    s.authCodes = toMap(j.authCodes);
    s.streams = (json.streams ?? []) as StreamRecord[];
    return s;
  }
}
