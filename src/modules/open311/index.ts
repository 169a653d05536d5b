/**
 * open311: the Open311 GeoReport v2 facade over work orders, at /open311/v2 (docs/open311.md).
 * Services are the orders module's active leaf categories; requests are orders (channel
 * 'open311'); mySociety's servicerequestupdates publishes the orders' timelines.
 */
export { open311Routes, OPEN311_PREFIX, SUBMIT_PERMISSION } from './routes';
export { open311Status, updateMeaning, CLOSED_STATES, UPDATE_STEPS } from './status';
