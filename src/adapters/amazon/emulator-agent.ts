import https from 'node:https';
import net from 'node:net';

/**
 * amazon-sp-api hard-codes https hosts (api.amazon.com, sellingpartnerapi-*.amazon.com, S3 document hosts)
 * but accepts any https.Agent. This one opens a plain TCP socket to the local emulator for every request,
 * keeping the Host header, so the real client talks to the emulator unchanged.
 */
export class EmulatorAgent extends https.Agent {
  constructor(
    private readonly port: number,
    private readonly host = '127.0.0.1',
  ) {
    super({ keepAlive: false });
  }

  override createConnection(): net.Socket {
    return net.connect(this.port, this.host);
  }
}

/** AMAZON_EMULATOR_URL (e.g. http://127.0.0.1:7071) → an agent; unset or a placeholder → undefined (real Amazon). */
export const emulatorAgentFrom = (emulatorUrl: unknown): EmulatorAgent | undefined => {
  if (typeof emulatorUrl !== 'string' || !emulatorUrl || emulatorUrl.startsWith('$')) return undefined;
  const url = new URL(emulatorUrl);
  return new EmulatorAgent(Number(url.port || 80), url.hostname);
};
