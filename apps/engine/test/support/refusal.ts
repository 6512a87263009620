import { expect } from '@jest/globals';
import { ApiError } from '@formwork/client';

/** Awaits a request that must be refused and returns its ApiError (problem+json). */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
