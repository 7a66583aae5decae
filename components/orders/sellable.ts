/** The batch statuses an order can take stock from: an expired or redeemed batch cannot be reserved. */
export const sellableStatuses = "active,verified";
