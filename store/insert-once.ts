import { UniqueConstraintViolationException } from '@mikro-orm/core';

/**
 * Runs an insert guarded by a unique key; returns false when the row exists already. A retried
 * activity whose first try committed just before it lost the connection lands here.
 */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      return false;
    }
    throw error;
  }
}
