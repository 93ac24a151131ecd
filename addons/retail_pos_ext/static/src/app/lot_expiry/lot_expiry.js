/** Lots known to be close to their expiry, by product id and lot name, as the server
 * told this till when it picked them. */
const nearExpiryLots = new Set();

export function markNearExpiry(productId, lotName) {
    nearExpiryLots.add(`${productId}|${lotName}`);
}

export function isNearExpiry(productId, lotName) {
    return nearExpiryLots.has(`${productId}|${lotName}`);
}

/** Near-expiry markdowns (临期促销) of lots, by product id and lot name, as the server
 * told this till: { price, percent }. */
const lotMarkdowns = new Map();

export function rememberMarkdown(productId, lotName, price, percent) {
    lotMarkdowns.set(`${productId}|${lotName}`, { price, percent });
}

export function getMarkdown(productId, lotName) {
    return lotMarkdowns.get(`${productId}|${lotName}`);
}
