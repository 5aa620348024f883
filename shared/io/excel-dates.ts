// Excel serial dates: days since 1899-12-30 in the 1900 system (which keeps Lotus's phantom
// 29 Feb 1900 for serials ≤ 60) and since 1904-01-01 in the 1904 system. UTC arithmetic only,
// so a date never moves with the machine's time zone.

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function isoToSerial(iso: string, date1904 = false): number {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  if (date1904) return Math.round((t - EPOCH_1904) / DAY);
  const serial = Math.round((t - EPOCH_1900) / DAY);
  return serial <= 60 ? serial - 1 : serial;
}

// A sheet repeats the same dates many times (hire dates, period ends): convert each once.
const cache1900 = new Map<number, string>();
const cache1904 = new Map<number, string>();

export function serialToIso(serial: number, date1904 = false): string {
  const whole = Math.floor(serial);
  const cache = date1904 ? cache1904 : cache1900;
  let iso = cache.get(whole);
  if (iso === undefined) {
    iso = date1904 ? new Date(EPOCH_1904 + whole * DAY).toISOString().slice(0, 10) : new Date(EPOCH_1900 + (whole <= 60 ? whole + 1 : whole) * DAY).toISOString().slice(0, 10);
    if (cache.size < 100_000) cache.set(whole, iso);
  }
  return iso;
}
