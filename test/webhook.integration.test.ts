import { describeWebhookFlow } from './webhook-flow.js';

describeWebhookFlow('SQLite', async () => undefined);
