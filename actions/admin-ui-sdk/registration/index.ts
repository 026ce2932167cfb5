import { z } from 'zod';
import { webAction } from '../../../src/platform/web-action';
import { registration } from './menu';

/**
 * admin-ui-sdk/registration: the Commerce Admin calls this (with the merchant's IMS token) to learn which
 * menu items and page title this app adds. `require-adobe-auth: true`; the wrapper checks the bearer token
 * and IMS org again before answering.
 */
const answer = {
  input: z.object({}),
  handler: async () => ({
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: { registration: registration() },
  }),
};

export const main = webAction({ name: 'admin-ui-sdk/registration', get: answer, post: answer });
