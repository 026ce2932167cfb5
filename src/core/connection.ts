import { marketplaceById } from './marketplaces';

/** The part of getMarketplaceParticipations the connection check reads. */
export interface Participation {
  marketplace: { id: string; name: string; countryCode: string };
  participation: { isParticipating: boolean; hasSuspendedListings: boolean };
}

export interface ConnectionReport {
  ok: boolean;
  message: string;
  marketplace: {
    id: string;
    name: string;
    countryCode: string;
    participating: boolean;
    hasSuspendedListings: boolean;
  } | null;
}

/** Turns Amazon's participation list into what a merchant needs to know about one store's marketplace. */
export const interpretParticipations = (marketplaceId: string, participations: Participation[]): ConnectionReport => {
  const expected = marketplaceById(marketplaceId);
  const found = participations.find((entry) => entry.marketplace.id === marketplaceId);
  if (!found) {
    return {
      ok: false,
      marketplace: null,
      message: `Amazon authorised the account, but it does not sell in ${expected?.countryName ?? marketplaceId}. Check that you authorised the Seller Central account for this marketplace.`,
    };
  }
  const marketplace = {
    id: found.marketplace.id,
    name: found.marketplace.name,
    countryCode: found.marketplace.countryCode,
    participating: found.participation.isParticipating,
    hasSuspendedListings: found.participation.hasSuspendedListings,
  };
  if (!marketplace.participating) {
    return {
      ok: false,
      marketplace,
      message: `Connected, but the account is not active in ${marketplace.name}: it may be on vacation or closed in Seller Central.`,
    };
  }
  if (marketplace.hasSuspendedListings) {
    return {
      ok: true,
      marketplace,
      message: `Connected — ${marketplace.name} is active, but some listings are suspended.`,
    };
  }
  return { ok: true, marketplace, message: `Connected — ${marketplace.name} is active.` };
};
