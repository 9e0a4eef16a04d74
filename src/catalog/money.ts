/** An exact amount of one currency. */
export interface Money {
  /** Decimal string with exactly the currency's number of decimals, e.g. "1234.50" USD, "5000" JPY. */
  amount: string;
  /** Integer count of minor units (cents for USD), as a string: int8 exceeds JavaScript's safe integers. */
  amountMinor: string;
  currency: string;
}

/** Writes integer minor units as a decimal string, exactly (BigInt, never floating point). */
export function formatMinorUnits(amountMinor: string, minorUnits: number): string {
  const value = BigInt(amountMinor);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(minorUnits + 1, '0');
  if (minorUnits === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
}

export function money(amountMinor: string, currency: string, minorUnits: number): Money {
  return { amount: formatMinorUnits(amountMinor, minorUnits), amountMinor, currency };
}
