/**
 * `npm run emulators`: the Amazon and Commerce emulators alone, seeded with the demo scenario, on
 * AMAZON_EMULATOR_PORT (7071) and COMMERCE_EMULATOR_PORT (7072). Prints exactly one line per emulator,
 * `amazon: <url>` and `commerce: <url>`, which scripts and docs rely on. Ctrl-C stops both.
 */
import { startAmazonEmulator } from '../src/emulators/amazon/index';
import { startCommerceEmulator } from '../src/emulators/commerce/index';
import { seedDemo } from '../src/emulators/demo/index';

async function main(): Promise<void> {
  const amazon = await startAmazonEmulator({ port: Number(process.env.AMAZON_EMULATOR_PORT ?? 7071) });
  const commerce = await startCommerceEmulator({
    port: Number(process.env.COMMERCE_EMULATOR_PORT ?? 7072),
    // Deliver Commerce events to a local runtime when one is told to listen (npm start wires this itself).
    eventsUrl: process.env.ASC_EVENTS_URL || undefined,
  });
  await seedDemo({ amazonUrl: amazon.url, commerceUrl: commerce.url });
  console.log(`amazon: ${amazon.url}`);
  console.log(`commerce: ${commerce.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    Promise.allSettled([amazon.close(), commerce.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`npm run emulators failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
