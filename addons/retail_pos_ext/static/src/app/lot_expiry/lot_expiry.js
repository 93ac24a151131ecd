/** Lots known to be close to their expiry, by product id and lot name, as the server
 * told this till when it picked them. */
const nearExpiryLots = new Set();

export function markNearExpiry(productId, lotName) {
    nearExpiryLots.add(`${productId}|${lotName}`);
}

export function isNearExpiry(productId, lotName) {
    return nearExpiryLots.has(`${productId}|${lotName}`);
}
