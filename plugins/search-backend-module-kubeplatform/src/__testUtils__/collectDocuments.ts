import { TestPipeline } from '@backstage/plugin-search-backend-node';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';

/** Every document one run of the factory's collator writes. */
export async function collectDocuments<T extends IndexableDocument>(
  factory: DocumentCollatorFactory,
): Promise<T[]> {
  const { documents } = await TestPipeline.fromCollator(
    await factory.getCollator(),
  ).execute();
  return documents as T[];
}
