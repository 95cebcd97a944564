import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../core/schema/primitives.schema.js';

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError('expected a whole number above 0');
  return n;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return n;
}

export function parseDate(value: string): Date {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date written YYYY-MM-DD');
  return new Date(`${value}T00:00:00Z`);
}
