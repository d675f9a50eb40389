/** Every item of every page an SDK paginator yields. */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...(itemsOf(page) ?? []));
  return items;
}

/**
 * The choice every list action offers: one page (with the token for the next), or every page
 * when `fetchAll` is on (nextToken is then null).
 */
export async function onePageOrAll<Page, Item>(options: {
  fetchAll: boolean;
  allPages: () => AsyncIterable<Page>;
  onePage: () => Promise<Page>;
  itemsOf: (page: Page) => Item[] | undefined;
  nextTokenOf: (page: Page) => string | undefined;
}): Promise<{ items: Item[]; nextToken: string | null }> {
  if (options.fetchAll) {
    return { items: await collectPages(options.allPages(), options.itemsOf), nextToken: null };
  }
  const page = await options.onePage();
  return { items: options.itemsOf(page) ?? [], nextToken: options.nextTokenOf(page) ?? null };
}
