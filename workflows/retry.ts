/** The backoff every molbatch activity retries with; attempt limits are set per activity. */
export const RETRY = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' };
