import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isRegistrationHash } from './routes';
import type { PageProbe } from './host/session';
/**
 * `aio app build` writes ./config.json (the deployed action URLs) before bundling. Locally it is the empty object
 * scripts/ensure-web-config.ts writes, and the session asks the local runtime for /config.json instead.
 */
import deployedConfig from './config.json';

const bundled: Record<string, unknown> | undefined =
  Object.keys(deployedConfig).length > 0 ? deployedConfig : undefined;

const inIframe = (() => {
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent throws on access: that is an iframe too.
    return true;
  }
})();

const probe: PageProbe = {
  url: window.location.href,
  inIframe,
  registrationRoute: isRegistrationHash(window.location.hash),
};

const container = document.getElementById('root');
if (container) createRoot(container).render(<App probe={probe} bundledConfig={bundled} />);
