/**
 * `/subscriptions`: who wants to hear of claims changing. The bot subscribes with its callback URL
 * and a secret at every start; the same URL again replaces the secret. Without webhooks configured
 * the routes answer 404, which tells a subscriber to poll instead.
 */
import type restify from 'restify';
import { z } from 'zod';
import { ApiProblem, notFound, param, readJsonBody, sendJson, validate } from './api-http.js';
import type { Handler } from './reference-server.js';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.js';
import type { Webhooks } from './webhooks.js';

const subscribeSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  // The subscriber's HMAC key; short secrets can be guessed.
  secret: z.string().min(16).max(200),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1)
    .default([...WEBHOOK_EVENT_TYPES]),
});

export function registerSubscriptionRoutes(
  server: restify.Server,
  opts: {
    prefix: string;
    webhooks: Webhooks | undefined;
    route: (name: string, handler: Handler) => restify.RequestHandler;
    requireService: (req: restify.Request) => void;
  },
): void {
  const { prefix: p, route } = opts;
  const webhooks = (req: restify.Request): Webhooks => {
    if (!opts.webhooks)
      throw new ApiProblem(404, 'not_found', 'This claims API offers no webhooks');
    opts.requireService(req);
    return opts.webhooks;
  };

  server.post(
    `${p}/subscriptions`,
    route('subscribe', async (req, res) => {
      const hooks = webhooks(req);
      const body = validate(subscribeSchema, await readJsonBody(req));
      const outcome = await hooks.subscribe(body.url, body.secret, body.events);
      sendJson(res, outcome === 'created' ? 201 : 200, await hooks.find(body.url));
    }),
  );

  server.get(
    `${p}/subscriptions`,
    route('listSubscriptions', async (req, res) => {
      sendJson(res, 200, { subscriptions: await webhooks(req).list() });
    }),
  );

  server.del(
    `${p}/subscriptions/:id`,
    route('unsubscribe', async (req, res) => {
      if (!(await webhooks(req).unsubscribe(param(req, 'id')))) throw notFound();
      res.sendRaw(204, '');
    }),
  );
}
