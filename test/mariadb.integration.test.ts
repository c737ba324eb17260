import { requireMariadb } from './mariadb.js';
import { describeWebhookFlow } from './webhook-flow.js';

describeWebhookFlow('MariaDB', () => requireMariadb());
