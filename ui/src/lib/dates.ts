// Reading a date typed by hand. The field accepts ISO (2026-03-31) and the
// user's own way of writing dates (31.03.2026 in German, 03/31/2026 in US
// English), says in words how it read them, and refuses dates that do not
// exist instead of quietly turning them into others.

import { MAX_YEAR, MIN_YEAR } from './bindings';

export type DatePart = 'day' | 'month' | 'year';

export interface DateFormat {
  /** The order of the parts in the user's locale, e.g. day, month, year. */
  order: DatePart[];
  separator: string;
  /** e.g. "DD.MM.YYYY" */
  pattern: string;
  /** 31 March 2026 in that form, e.g. "31.03.2026" */
  example: string;
  /** The locale the words (weekday, month) are written in: English, as the app is. */
  wordsLocale: string;
}

export type ParsedDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'invalid'; message: string };

// The years the Rust side accepts: a date outside them is not read as one.
export { MAX_YEAR, MIN_YEAR };

const TOKEN: Record<DatePart, string> = { day: 'DD', month: 'MM', year: 'YYYY' };

/** How people in `locale` write a date with digits (from Intl, not a table of our own). */
export function dateFormat(locale: string): DateFormat {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      new Date(2026, 2, 31),
    );
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      new Date(2026, 2, 31),
    );
  }
  const order = parts.map((p) => p.type).filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
  const literal = parts.find((p) => p.type === 'literal')?.value ?? '';
  // Strip spaces and direction marks ("2026. 03. 31." has ". " between parts).
  const separator = literal.replace(/[\s\u200e\u200f]/g, '').charAt(0) || (literal.includes(' ') ? ' ' : '-');
  const complete = order.length === 3 && new Set(order).size === 3;
  const use: DatePart[] = complete ? order : ['day', 'month', 'year'];
  const sample: Record<DatePart, string> = { day: '31', month: '03', year: '2026' };
  const base = locale.split(/[-_]/)[0]?.toLowerCase();
  return {
    order: use,
    separator,
    pattern: use.map((p) => TOKEN[p]).join(separator),
    example: use.map((p) => sample[p]).join(separator),
    wordsLocale: base === 'en' ? locale : 'en-GB',
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year, month (1–12) and day of an ISO date, or null if it is not one. */
export function fromIso(iso: string | null | undefined): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function monthName(month: number, format: DateFormat): string {
  return new Intl.DateTimeFormat(format.wordsLocale, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2026, month - 1, 1),
  );
}

function check(year: number, month: number, day: number, format: DateFormat): ParsedDate {
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'invalid', message: `Enter a year from ${MIN_YEAR} to ${MAX_YEAR}.` };
  if (month < 1 || month > 12) return { kind: 'invalid', message: `There is no month ${month}: months go from 1 to 12.` };
  const last = daysInMonth(year, month);
  if (day < 1) return { kind: 'invalid', message: `There is no day ${day}: days start at 1.` };
  if (day > last) {
    return { kind: 'invalid', message: `${monthName(month, format)} ${year} has only ${last} days.` };
  }
  return { kind: 'date', iso: toIso(year, month, day) };
}

function unreadable(format: DateFormat): ParsedDate {
  const iso = format.pattern === 'YYYY-MM-DD';
  return {
    kind: 'invalid',
    message: iso
      ? 'Enter the date as YYYY-MM-DD, e.g. 2026-03-31.'
      : `Enter the date as ${format.pattern} (e.g. ${format.example}) or as YYYY-MM-DD.`,
  };
}

/** Reads a typed date: ISO, the locale's own order, or its digits alone (31032026). */
export function parseDate(text: string, format: DateFormat): ParsedDate {
  const t = text.trim();
  if (!t) return { kind: 'empty' };
  if (/^\d{8}$/.test(t)) {
    // Digits only, in the locale's order, the year with four digits.
    let at = 0;
    const byPart = {} as Record<DatePart, string>;
    for (const part of format.order) {
      const n = part === 'year' ? 4 : 2;
      byPart[part] = t.slice(at, at + n);
      at += n;
    }
    const read = check(Number(byPart.year), Number(byPart.month), Number(byPart.day), format);
    // 20260331 typed where dates start with the day: that is ISO without dashes.
    if (read.kind === 'invalid' && format.order[0] !== 'year') {
      const iso = check(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)), format);
      if (iso.kind === 'date') return iso;
    }
    return read;
  }
  const fields = t.split(/[\s./\-,]+/).filter(Boolean);
  if (fields.length !== 3 || fields.some((f) => !/^\d{1,4}$/.test(f))) return unreadable(format);
  // A four-digit first part is a year, whatever the locale: year, month, day.
  const order: DatePart[] = fields[0]!.length === 4 ? ['year', 'month', 'day'] : format.order;
  const byPart = Object.fromEntries(order.map((part, i) => [part, fields[i]!])) as Record<DatePart, string>;
  if (byPart.year.length !== 4) return { kind: 'invalid', message: `Write the year in full, e.g. ${format.example}.` };
  if (byPart.day.length > 2 || byPart.month.length > 2) return unreadable(format);
  return check(Number(byPart.year), Number(byPart.month), Number(byPart.day), format);
}

/** An ISO date written the locale's way, e.g. "31.03.2026". */
export function formatInput(iso: string | null, format: DateFormat): string {
  const d = fromIso(iso);
  if (!d) return iso ?? '';
  const parts: Record<DatePart, string> = {
    day: String(d.day).padStart(2, '0'),
    month: String(d.month).padStart(2, '0'),
    year: String(d.year),
  };
  return format.order.map((p) => parts[p]).join(format.separator);
}

/** An ISO date in words, e.g. "Tuesday, 31 March 2026". */
export function describeDate(iso: string, format: DateFormat): string {
  const d = fromIso(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(format.wordsLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(d.year, d.month - 1, d.day));
}

// Regions whose calendars start the week on Sunday, where Intl does not say.
const SUNDAY_FIRST = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'TW', 'HK', 'IL', 'PH', 'IN', 'ZA']);

/** The first day of the week in `locale`: 0 Sunday, 1 Monday. */
export function firstDayOfWeek(locale: string): number {
  try {
    const l = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = l.getWeekInfo?.() ?? l.weekInfo;
    if (info?.firstDay) return info.firstDay % 7;
    const region = l.maximize().region ?? '';
    return SUNDAY_FIRST.has(region) ? 0 : 1;
  } catch {
    return 1;
  }
}

/** Adds days to an ISO date (UTC arithmetic: no daylight saving surprises). */
export function addDays(iso: string, days: number): string {
  const d = fromIso(iso)!;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Adds months, keeping the day where the month has it (31 March + 1 month = 30 April). */
export function addMonths(iso: string, months: number): string {
  const d = fromIso(iso)!;
  const first = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return toIso(year, month, Math.min(d.day, daysInMonth(year, month)));
}

/** Day of the week of an ISO date: 0 Sunday … 6 Saturday. */
export function weekday(iso: string): number {
  const d = fromIso(iso)!;
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function todayIso(now: Date = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
