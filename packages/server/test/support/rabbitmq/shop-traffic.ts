import type { Channel, ConsumeMessage } from 'amqplib';
import type { AmqpTracing } from './amqp-tracing.ts';

/**
 * Real RabbitMQ traffic through instrumented amqplib, in two phases:
 * 1. `orders`: messages sent straight to the queue (the default exchange) and consumed with the
 *    instrumentation's default, the consumer span a child of the publish span; every `nackEvery`-th
 *    message is nacked without requeue (the instrumentation marks that consumer span as an error).
 * 2. `invoices`: messages published to the direct exchange `shop` (routing key `invoice.created`,
 *    bound to the queue `invoices`) and consumed with `useLinksForConsume`, the consumer span
 *    starting a new trace and linking to the publish span. All acked.
 */
export const ORDERS_QUEUE = 'orders';
export const SHOP_EXCHANGE = 'shop';
export const INVOICES_QUEUE = 'invoices';
export const INVOICE_ROUTING_KEY = 'invoice.created';

export interface ShopTrafficPlan {
  readonly orders: number;
  readonly nackEvery: number;
  readonly invoices: number;
}

export interface ShopTrafficResult {
  /** Message ids of the orders that were nacked. */
  readonly nacked: readonly string[];
  /** Message ids as they were delivered, per queue. */
  readonly delivered: { readonly orders: readonly string[]; readonly invoices: readonly string[] };
}

/** Consumes `count` messages from `queue`, settling each with `settle`; resolves their ids in delivery order. */
async function consumeAll(channel: Channel, queue: string, count: number, settle: (message: ConsumeMessage, index: number) => void): Promise<string[]> {
  const ids: string[] = [];
  let consumerTag = '';
  await new Promise<void>((resolve, reject) => {
    channel.once('error', reject);
    void channel
      .consume(queue, (message) => {
        if (message === null) return reject(new Error(`the broker cancelled the consumer of ${queue}`));
        ids.push(String(message.properties.messageId));
        settle(message, ids.length - 1);
        if (ids.length === count) resolve();
      })
      .then((reply) => {
        consumerTag = reply.consumerTag;
      }, reject);
  });
  await channel.cancel(consumerTag);
  return ids;
}

export async function runShopTraffic(tracing: AmqpTracing, url: string, plan: ShopTrafficPlan): Promise<ShopTrafficResult> {
  const connection = await tracing.amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    await channel.assertQueue(ORDERS_QUEUE, { durable: false });
    await channel.assertExchange(SHOP_EXCHANGE, 'direct', { durable: false });
    await channel.assertQueue(INVOICES_QUEUE, { durable: false });
    await channel.bindQueue(INVOICES_QUEUE, SHOP_EXCHANGE, INVOICE_ROUTING_KEY);

    const nacked: string[] = [];
    const ordersDelivered = consumeAll(channel, ORDERS_QUEUE, plan.orders, (message, index) => {
      if ((index + 1) % plan.nackEvery === 0) {
        nacked.push(String(message.properties.messageId));
        channel.nack(message, false, false);
      } else {
        channel.ack(message);
      }
    });
    for (let i = 0; i < plan.orders; i += 1) {
      channel.sendToQueue(ORDERS_QUEUE, Buffer.from(JSON.stringify({ order: i })), { messageId: `order-${i}`, contentType: 'application/json' });
    }
    const orders = await ordersDelivered;

    // The instrumentation reads its config per delivery: from here on consumer spans link to the publish span.
    tracing.instrumentation.setConfig({ ...tracing.instrumentation.getConfig(), useLinksForConsume: true });
    const invoicesDelivered = consumeAll(channel, INVOICES_QUEUE, plan.invoices, (message) => channel.ack(message));
    for (let i = 0; i < plan.invoices; i += 1) {
      channel.publish(SHOP_EXCHANGE, INVOICE_ROUTING_KEY, Buffer.from(JSON.stringify({ invoice: i })), { messageId: `invoice-${i}` });
    }
    const invoices = await invoicesDelivered;
    await channel.close();
    return { nacked, delivered: { orders, invoices } };
  } finally {
    await connection.close();
  }
}
