/**
 * What the Commerce Admin shows for this app (Admin UI SDK, commerce/backend-ui/1): a "Channels" section
 * under Marketing holding the "Amazon Sales Channel" item, so the menu path matches the original extension
 * (Marketing > Channels > Amazon Sales Channel).
 */

/** Must equal EXTENSION_ID in web-src/src/host/session.ts (the web app registers under the same id). */
export const EXTENSION_ID = 'amazon-sales-channel';

/** The Admin's own Marketing menu; the SDK attaches sections to Magento ACL/menu ids. */
export const MARKETING_MENU_ID = 'Magento_Backend::marketing';

export interface MenuItem {
  id: string;
  title: string;
  parent?: string;
  sortOrder: number;
  isSection?: boolean;
}

export interface Registration {
  menuItems: MenuItem[];
  page: { title: string };
}

export const registration = (extensionId: string = EXTENSION_ID): Registration => ({
  menuItems: [
    {
      id: `${extensionId}::channels`,
      title: 'Channels',
      parent: MARKETING_MENU_ID,
      isSection: true,
      sortOrder: 100,
    },
    {
      id: `${extensionId}::amazon-sales-channel`,
      title: 'Amazon Sales Channel',
      parent: `${extensionId}::channels`,
      sortOrder: 10,
    },
  ],
  page: { title: 'Amazon Sales Channel' },
});
